package org.athanor.core.engine;

import java.util.List;
import org.athanor.core.internal.bulk.BulkInsert;

/**
 * A multi-row INSERT into one table's columns, planned once and run on as many lists of rows as the
 * caller has: what {@link Connection#insertRows} does in one call, for a caller that hands rows over
 * a statement's worth at a time (an ORM flushing thousands of objects reads, inserts and assigns keys
 * chunk by chunk) and would otherwise have the statement planned again for every chunk.
 *
 * <pre>{@code
 * RowsInsert ins = conn.rowsInsert(insert(USERS), new Column<?>[] {USERS.NAME, USERS.AGE}, null, USERS.ID);
 * for (List<Object[]> chunk : chunksOf(rows, ins.rowsPerStatement())) {
 *     Object[] ids = ins.keys(chunk);
 *     ...
 * }
 * }</pre>
 *
 * How the returned values are learnt is a key strategy chosen once, when the insert is planned (see
 * docs/internals.md): RETURNING, RETURNING sorted, JDBC generated keys, sentinel matching, or one the
 * dialect contributes (SQLite's consecutive rowids, PostgreSQL's column arrays). Rows, order of what
 * comes back and failures are as for {@link Connection#insertRows}. Usable until the connection it
 * came from is closed; like the connection, for one thread at a time.
 */
public final class RowsInsert {
    private final BulkInsert insert;

    RowsInsert(BulkInsert insert) { this.insert = insert; }

    /**
     * How many rows one statement holds: the bind-parameter limit, the 1,000-row cap shared by all
     * dialects and the values per statement a dialect aims at (SQLite: about 500), or 1 where the
     * database cannot report the generated keys of several rows at once. Handing rows over in lists
     * of this size splits none.
     */
    public int rowsPerStatement() { return insert.rowsPerStatement(); }

    /** The name of the key strategy chosen for this insert ("RETURNING", "sorted RETURNING", "generated keys", ...). */
    public String keyStrategy() { return insert.strategy().name(); }

    /** Inserts {@code rows} and returns the values of the returning columns for each (see {@link Connection#insertRows}). */
    public List<Object[]> rows(List<Object[]> rows) { return insert.rows(rows); }

    /**
     * Inserts {@code rows} and returns the one returning column's values in one array, in row order
     * (with an ON CONFLICT ... DO NOTHING base, the rows inserted only).
     */
    public Object[] keys(List<Object[]> rows) { return insert.keys(rows); }
}
