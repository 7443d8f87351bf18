package org.athanor.core.internal.bulk;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.athanor.core.schema.Column;
import org.athanor.core.schema.Table;

/**
 * The binders of plain multi-row INSERTs by statement shape, one per Engine: a repeated bulk insert
 * skips building and keying its placeholder statement; and the plans of such inserts, so that one
 * planned again (every flush of an ORM session) skips working out its columns and limits. Bounded
 * (each map cleared past 256 shapes; shapes are few in practice).
 */
public final class Binders {
    private static final int MAX = 256;
    private final ConcurrentHashMap<Shape, SlotBinder> binders = new ConcurrentHashMap<>();

    /**
     * What a plain multi-row INSERT's SQL depends on: {@code rows} per statement (0: the column-array
     * form), the {@code form} ({@link Chunk}'s PLAIN, RETURNING, KEYS, ARRAYS), and where each value
     * sits in a row (null: aligned). Tables and columns compare by identity; the hash is worked out
     * once, as a flush looks a shape up for every statement it sends.
     */
    static final class Shape {
        private final Table table;
        private final Column<?>[] columns;
        private final Column<?>[] returning;
        private final int rows;
        private final int form;
        private final int[] positions;
        private final int hash;

        /** The arrays are not copied: the caller's (a {@link BulkInsert}'s, an insertMany's) stay unchanged. */
        Shape(Table table, Column<?>[] columns, Column<?>[] returning, int rows, int form, int[] positions) {
            this.table = table;
            this.columns = columns;
            this.returning = returning;
            this.rows = rows;
            this.form = form;
            this.positions = positions;
            int h = System.identityHashCode(table);
            for (Column<?> c : columns) h = 31 * h + System.identityHashCode(c);
            for (Column<?> c : returning) h = 31 * h + System.identityHashCode(c);
            this.hash = 31 * (31 * (31 * h + rows) + form) + Arrays.hashCode(positions);
        }

        /**
         * The shape of {@code rows} rows of {@code columns} inserted through {@code base} without
         * RETURNING ({@link Chunk}'s PLAIN form, aligned), or null when the SQL depends on more than
         * the shape says: a base with an ON CONFLICT clause, its own RETURNING, rows in row order or
         * column arrays is compiled each time instead.
         */
        static Shape plain(org.athanor.core.sql.Insert base, List<Column<?>> columns, int rows) {
            if (!isPlain(base)) return null;
            return new Shape(base.table(), columns.toArray(new Column<?>[0]), NONE, rows, Chunk.PLAIN, null);
        }

        /** Whether {@code base}'s SQL for given rows depends only on its table (see {@link #plain}). */
        static boolean isPlain(org.athanor.core.sql.Insert base) {
            return base.onConflictClause() == null && base.returningColumns().isEmpty() && !base.isInRowOrder() && !base.isColumnArrays();
        }

        @Override public int hashCode() { return hash; }

        @Override
        public boolean equals(Object o) {
            return o instanceof Shape s && s.hash == hash && s.table == table && s.rows == rows && s.form == form
                    && same(s.columns, columns) && same(s.returning, returning) && Arrays.equals(s.positions, positions);
        }

        private static boolean same(Column<?>[] a, Column<?>[] b) {
            if (a.length != b.length) return false;
            for (int i = 0; i < a.length; i++) if (a[i] != b[i]) return false;
            return true;
        }

        @Override
        public String toString() {
            return "Shape[" + table.name() + " " + Arrays.stream(columns).map(Column::name).toList() + " returning "
                    + Arrays.stream(returning).map(Column::name).toList() + ", rows=" + rows + ", form=" + form + ", positions="
                    + Arrays.toString(positions) + "]";
        }
    }

    /** No returned columns. */
    static final Column<?>[] NONE = new Column<?>[0];

    /** Planned inserts ({@link BulkInsert.Planned}) of plain bases, by table, columns, positions and returned columns. */
    private final ConcurrentHashMap<Shape, BulkInsert.Planned> planned = new ConcurrentHashMap<>();

    /** The plan kept for inserting {@code columns} at {@code positions} into {@code table} returning {@code returning}, made by {@code plan} once. */
    BulkInsert.Planned planned(Table table, Column<?>[] columns, int[] positions, Column<?>[] returning,
            java.util.function.Supplier<BulkInsert.Planned> plan) {
        BulkInsert.Planned p = planned.get(new Shape(table, columns, returning, 0, PLANNED, positions));
        if (p != null) return p;
        p = plan.get();
        // keyed by the plan's own copies: the caller may reuse its arrays
        if (planned.size() >= MAX) planned.clear();
        planned.put(new Shape(table, p.columns, p.returning, 0, PLANNED, p.positions), p);
        return p;
    }

    /** The {@code form} of a planned insert's {@link Shape}: no statement form. */
    private static final int PLANNED = -1;

    SlotBinder get(Shape shape) { return binders.get(shape); }

    void put(Shape shape, SlotBinder binder) {
        if (binders.size() >= MAX) binders.clear();
        binders.put(shape, binder);
    }
}
