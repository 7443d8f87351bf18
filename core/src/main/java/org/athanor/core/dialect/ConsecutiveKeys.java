package org.athanor.core.dialect;

import java.sql.SQLException;

/**
 * How a database that hands out integer keys one above the last lets a bulk insert learn the keys
 * of a multi-row INSERT without RETURNING: when nothing but the statement's own rows can take keys
 * in between (no trigger, no REPLACE conflict clause, keys never reused), the {@code n} rows get
 * {@code last - n + 1 .. last}, where {@code last} is the key the database reports for the final
 * row. RETURNING makes the database hold the returned rows and the driver fetch them one by one;
 * on SQLite that is about 40 % of a bulk insert's time (docs/benchmarks.md, session 6).
 *
 * <p>{@code RowsInsert} uses it only inside a transaction, after its first
 * statement has inserted into the table (so that the database's write lock is held and no other
 * connection can change the table or its schema until the transaction ends), and checks every
 * statement's result with {@link #checkSql()}: the final row's key must be the table's largest, the
 * statement must have inserted every row, and the schema must be the one the probe read.
 * A dialect whose database cannot promise this returns no {@code ConsecutiveKeys}
 * ({@link Dialect#consecutiveKeys}).
 */
public interface ConsecutiveKeys {
    /**
     * Whether later multi-row INSERTs into the table on {@code connection} will give their rows
     * consecutive keys; false when they may not (a trigger, a REPLACE clause, a key that is not the
     * database's own row number, ...), and the caller keeps using RETURNING.
     */
    boolean probe(java.sql.Connection connection) throws SQLException;

    /**
     * SQL of one row of three integers, run right after a successful {@link #probe} and after each
     * INSERT: the key of the final row the connection inserted, the largest key in the table, and a
     * number that changes whenever the schema does.
     */
    String checkSql();
}
