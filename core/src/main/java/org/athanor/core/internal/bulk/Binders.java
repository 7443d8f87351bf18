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
    record Shape(Table table, List<Column<?>> columns, List<Column<?>> returning, int rows, int form, List<Integer> positions) {}

    SlotBinder get(Shape shape) { return binders.get(shape); }

    void put(Shape shape, SlotBinder binder) {
        if (binders.size() >= MAX) binders.clear();
        binders.put(shape, binder);
    }
}
