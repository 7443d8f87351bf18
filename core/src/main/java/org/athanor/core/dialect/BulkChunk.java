package org.athanor.core.dialect;

/**
 * One statement's worth of rows of a bulk insert, handed to a {@link KeyStrategy} (SPI; core
 * implements it). Each {@code insert...} method sends the rows as one statement through the
 * connection's one execution path (listeners and echo see it, the statement timeout applies, driver
 * errors come back translated) and, where it returns values, adds them to the insert's result in the
 * order the database sent them. A row holding an expression instead of a value is sent as a
 * statement built from nodes, with the same result.
 */
public interface BulkChunk {
    /** The insert this chunk belongs to. */
    BulkInsertShape shape();

    /** The number of rows. */
    int size();

    /** The value of column {@code column} (index into {@link BulkInsertShape#columns()}) in row {@code row}, as given. */
    Object value(int row, int column);

    /** Rows {@code from} to {@code to} (exclusive) of this chunk, to send apart. */
    BulkChunk slice(int from, int to);

    /** {@code INSERT ... VALUES} without RETURNING; returns the rows the database reports inserted. */
    int insert();

    /**
     * {@code INSERT ... VALUES ... RETURNING} the insert's returning columns, the rows added as they
     * come; with {@code sorted} (one returned key, rows inserted in order) the keys this statement
     * returned are sorted first.
     */
    void insertReturning(boolean sorted);

    /**
     * {@code INSERT ... VALUES ... RETURNING} the returning columns and then {@code extra} (indexes
     * into {@link BulkInsertShape#columns()}), the rows given back instead of added: for a strategy
     * that matches returned rows to its rows itself.
     */
    java.util.List<Object[]> insertReturningWith(int... extra);

    /** {@code INSERT ... VALUES} prepared for JDBC generated keys of the one returning column, the keys added. */
    void insertGeneratedKeys();

    /**
     * One INSERT reading the rows from one array per column ({@link org.athanor.core.sql.Insert#columnArrays()},
     * which the dialect's compiler renders), each bound through {@code java.sql.Connection#createArrayOf}
     * with {@code elementTypes[i]}; RETURNING as {@link #insertReturning}. False, with nothing run,
     * when a row holds an expression.
     */
    boolean insertColumnArrays(String[] elementTypes, boolean sorted);

    /** Adds one value of the one returning column (an integer key; a {@code Long} or {@code Integer} as the column's type). */
    void addKey(long key);

    /** Adds one value of the one returning column, as read from the database. */
    void addValue(Object value);

    /** Runs {@code sql}, a query without parameters, and returns its first row's first {@code columns} values as longs. */
    long[] queryLongs(String sql, int columns);

    /**
     * Runs {@code sql}, a query (reading the schema, say), with {@code parameters} bound in order, and
     * returns its first row's first {@code columns} values as the driver reads them; null when there is
     * no row. Like every statement here it goes through the connection's one execution path.
     */
    Object[] queryRow(String sql, int columns, Object... parameters);

    /** Whether a transaction is open (the connection is not in autocommit). */
    boolean inTransaction();

    /** A driver error translated as the connection translates it, naming {@code what}. */
    RuntimeException translate(java.sql.SQLException e, String what);
}
