package org.athanor.core.internal.bulk;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.athanor.core.schema.Column;
import org.athanor.core.schema.Table;

/**
 * The binders of plain multi-row INSERTs by statement shape, one per Engine: a repeated bulk insert
 * skips building and keying its placeholder statement. Bounded (cleared past 256 shapes; shapes are
 * few in practice).
 */
public final class Binders {
    private static final int MAX = 256;
    private final ConcurrentHashMap<Shape, SlotBinder> binders = new ConcurrentHashMap<>();

    /**
     * What a plain multi-row INSERT's SQL depends on: {@code rows} per statement (0: the column-array
     * form), the {@code form} ({@link Chunk}'s PLAIN, RETURNING, KEYS, ARRAYS), and where each value
     * sits in a row (null: aligned).
     */
    record Shape(Table table, List<Column<?>> columns, List<Column<?>> returning, int rows, int form, List<Integer> positions) {
        /**
         * The shape of {@code rows} rows of {@code columns} inserted through {@code base} without
         * RETURNING ({@link Chunk}'s PLAIN form, aligned), or null when the SQL depends on more than
         * the shape says: a base with an ON CONFLICT clause, its own RETURNING, rows in row order or
         * column arrays is compiled each time instead.
         */
        static Shape plain(org.athanor.core.sql.Insert base, List<Column<?>> columns, int rows) {
            if (!isPlain(base)) return null;
            return new Shape(base.table(), List.copyOf(columns), List.of(), rows, Chunk.PLAIN, null);
        }

        /** Whether {@code base}'s SQL for given rows depends only on its table (see {@link #plain}). */
        static boolean isPlain(org.athanor.core.sql.Insert base) {
            return base.onConflictClause() == null && base.returningColumns().isEmpty() && !base.isInRowOrder() && !base.isColumnArrays();
        }
    }

    SlotBinder get(Shape shape) { return binders.get(shape); }

    void put(Shape shape, SlotBinder binder) {
        if (binders.size() >= MAX) binders.clear();
        binders.put(shape, binder);
    }
}
