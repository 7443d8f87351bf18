package org.athanor.core.engine;

import java.util.List;
import org.athanor.core.dialect.ConsecutiveKeys;
import org.athanor.core.dialect.DialectFeatures;
import org.athanor.core.schema.Column;
import org.athanor.core.sql.Insert;
import org.athanor.core.type.ValueCodec;

/**
 * A multi-row INSERT into one table's columns, planned once and run on as many lists of rows as the
 * caller has: what {@link Connection#insertRows} and {@link Connection#insertRowsReturning} do in
 * one call, for a caller that hands rows over a statement's worth at a time (an ORM flushing
 * thousands of objects reads, inserts and assigns keys chunk by chunk) and would otherwise have
 * the statement planned and its compiled binder looked up again for every chunk.
 *
 * <pre>{@code
 * RowsInsert ins = conn.rowsInsert(insert(USERS), new Column<?>[] {USERS.NAME, USERS.AGE}, null, USERS.ID);
 * for (List<Object[]> chunk : chunksOf(rows, ins.rowsPerStatement())) {
 *     Object[] ids = ins.keys(chunk);
 *     ...
 * }
 * }</pre>
 *
 * Rows, order of what comes back and failures are as for {@link Connection#insertRows}. Made by
 * {@link Connection#rowsInsert} and usable until that connection is closed; like the connection,
 * for one thread at a time.
 */
public final class RowsInsert {
    final Connection conn;
    final Insert base;
    final Column<?>[] columns;
    /** Where each column's value sits in a row (null: at the column's own index). */
    final int[] positions;
    final Column<?>[] returning;
    final InsertPlan plan;
    /** No RETURNING: the one returned column is the generated key, read through getGeneratedKeys. */
    final boolean viaKeys;
    /** PostgreSQL's identity key: the rows go in in order and their keys are sorted (see {@link Connection#insertRows}). */
    final boolean sortKeys;
    /** {@link #positions} when the binder reads the rows as given, else null (rows are aligned first). */
    final int[] bound;
    final int per;
    /** Per column, the codec {@link InsertPlan#bindRows} binds with, once {@link #full} is known to read the rows that way; else null. */
    private ValueCodec<Object>[] directCodecs;
    /** Element type names for the one-array-per-column form (PostgreSQL), or null. */
    final String[] elements;
    /** The binder of a statement of {@link #per} rows, once one was needed. */
    SlotBinder full;
    /** The column-array statement ({@link #elements}), once one was needed. */
    org.athanor.core.internal.compile.CompiledTemplate arraysTemplate;
    /**
     * How the keys of a statement can be learnt without RETURNING (SQLite's rowids), or null: only
     * for an insert that returns just the table's generated integer key (see {@link ConsecutiveKeys}).
     */
    final ConsecutiveKeys consecutive;
    /** {@link #consecutive}: 0 until probed, 1 in use, -1 not. */
    int consecutiveState;
    /** In use: the schema number and the table's largest key the last check read. */
    long schemaToken, largest;

    /** Whether statements are sent without RETURNING, their keys learnt from the last one (see {@link #consecutive}). */
    boolean keysFromLast() { return consecutiveState > 0; }

    /** Switches {@link #keysFromLast()} on or off for good: the full statement's binder is then another one. */
    void keysFromLast(boolean on) {
        consecutiveState = on ? 1 : -1;
        full = null;
        directCodecs = null;
    }

    /** Keeps the binder of a full statement and whether its chunks can be bound from the rows directly. */
    void keepFull(SlotBinder binder) {
        full = binder;
        directCodecs = plan.directCodecs(binder, positions);
    }

    /** The codecs for binding a full chunk straight from the rows (see {@link #keepFull}), or null. */
    ValueCodec<Object>[] directCodecs() { return directCodecs; }

    RowsInsert(Connection conn, Insert base, Column<?>[] columns, int[] positions, Column<?>[] returning) {
        if (positions != null && positions.length != columns.length)
            throw new IllegalArgumentException("insertRows: " + positions.length + " positions for " + columns.length + " columns");
        DialectFeatures features = conn.dialect().features();
        boolean keys = returning.length > 0 && !features.supportsReturning();
        if (keys && returning.length != 1)
            throw new IllegalArgumentException(conn.dialect().name() + " has no RETURNING: insertRows can return only the generated key"
                    + " column, not " + java.util.Arrays.stream(returning).map(Column::name).toList());
        boolean sort = returning.length == 1 && features.supportsReturning() && !features.returningPreservesOrder()
                && features.orderedInsertSelect() && returning[0].isAutoincrement();
        if (sort) base = base.inRowOrder();
        InsertPlan p = InsertPlan.of(base, List.of(columns), features);
        if (p == null)
            throw new IllegalArgumentException("insertRows needs a plain Sql.insert(table) (no rows, SELECT or DEFAULT VALUES) whose"
                    + " rows fit the bind-parameter limit; got: " + base);
        this.conn = conn;
        this.base = base;
        this.columns = columns.clone();
        this.positions = positions == null ? null : positions.clone();
        this.returning = returning.clone();
        this.plan = p;
        this.viaKeys = keys;
        this.sortKeys = sort;
        this.bound = p.usesPositions(this.positions) ? this.positions : null;
        this.per = keys && !features.multiRowGeneratedKeys() ? 1 : p.rowsPerStatement();
        this.elements = (returning.length == 0 || sort) ? conn.arrayElements(base, this.columns, p) : null;
        this.consecutive = returning.length == 1 && !keys && elements == null && base.onConflictClause() == null
                && generatedIntegerKey(base, returning[0], this.columns) ? conn.dialect().consecutiveKeys(base.table(), returning[0]) : null;
        if (consecutive == null) consecutiveState = -1;
    }

    /** Whether {@code key} is the table's only key column, generated by the database, a Long or Integer, and not inserted. */
    private static boolean generatedIntegerKey(Insert base, Column<?> key, Column<?>[] columns) {
        Class<?> j = key.type().javaType();
        if (!key.isAutoincrement() || key.table() != base.table() || (j != Long.class && j != Integer.class)) return false;
        if (!base.table().primaryKeyColumns().equals(List.of(key))) return false;
        for (Column<?> c : columns) if (c == key) return false;
        return true;
    }

    /**
     * How many rows one statement holds: the bind-parameter limit, the 1,000-row cap shared by all
     * dialects and the values per statement a dialect aims at (SQLite: about 500, see
     * {@link org.athanor.core.dialect.DialectFeatures#insertParamsPerStatement()}), or 1 where the
     * database cannot insert several rows at once (or, without RETURNING, report their generated
     * keys). Handing rows over in lists of this size splits none.
     */
    public int rowsPerStatement() { return per; }

    /** Inserts {@code rows} and returns the values of the returning columns for each (see {@link Connection#insertRows}). */
    public List<Object[]> rows(List<Object[]> rows) {
        if (rows.isEmpty()) return List.of();
        Connection.Collected out = new Connection.Collected(rows.size(), false);
        conn.insertRowsInto(this, rows, out);
        return out.rows;
    }

    /**
     * Inserts {@code rows} and returns the one returning column's values in one array, in the order
     * {@link #rows} gives them (see {@link Connection#insertRowsReturning}).
     */
    public Object[] keys(List<Object[]> rows) {
        if (returning.length != 1)
            throw new IllegalStateException("keys() needs exactly one returning column; this insert returns " + returning.length);
        if (rows.isEmpty()) return new Object[0];
        Connection.Collected out = new Connection.Collected(rows.size(), true);
        conn.insertRowsInto(this, rows, out);
        return out.n == out.flat.length ? out.flat : java.util.Arrays.copyOf(out.flat, out.n);
    }
}
