package org.athanor.core.internal.bulk;

import static org.athanor.core.type.SqlTypes.*;
import static org.junit.jupiter.api.Assertions.*;

import org.athanor.core.schema.Column;
import org.athanor.core.schema.Table;
import org.athanor.core.type.SqlTypes;
import org.junit.jupiter.api.Test;

/**
 * The key of the Engine's kept bulk-insert binders ({@link Binders.Shape}): two shapes are equal exactly when
 * table, columns, returned columns, rows per statement, form and value positions all are, by identity for tables
 * and columns (two tables of the same name are two shapes: their columns are other objects).
 */
class BinderShapeTest {
    static final class Items extends Table {
        final Column<Long> ID = column("id", BIGINT);
        final Column<String> NAME = column("name", varchar(20));
        final Column<Integer> QTY = column("qty", INTEGER);

        Items() { super("items"); }
    }

    private static Binders.Shape shape(Items t, Column<?>[] cols, Column<?>[] ret, int rows, int form, int[] positions) {
        return new Binders.Shape(t, cols, ret, rows, form, positions);
    }

    @Test
    void equalPartsMakeEqualShapes() {
        Items t = new Items();
        Binders.Shape a = shape(t, new Column<?>[] {t.NAME, t.QTY}, new Column<?>[] {t.ID}, 3, Chunk.RETURNING, new int[] {1, 2});
        Binders.Shape b = shape(t, new Column<?>[] {t.NAME, t.QTY}, new Column<?>[] {t.ID}, 3, Chunk.RETURNING, new int[] {1, 2});
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
    }

    @Test
    void everyPartTellsShapesApart() {
        Items t = new Items();
        Column<?>[] cols = {t.NAME, t.QTY};
        Column<?>[] ret = {t.ID};
        Binders.Shape base = shape(t, cols, ret, 3, Chunk.RETURNING, new int[] {1, 2});
        assertNotEquals(base, shape(new Items(), cols, ret, 3, Chunk.RETURNING, new int[] {1, 2}), "another table object");
        assertNotEquals(base, shape(t, new Column<?>[] {t.QTY, t.NAME}, ret, 3, Chunk.RETURNING, new int[] {1, 2}), "column order");
        assertNotEquals(base, shape(t, new Column<?>[] {t.NAME}, ret, 3, Chunk.RETURNING, new int[] {1, 2}), "fewer columns");
        assertNotEquals(base, shape(t, cols, Binders.NONE, 3, Chunk.RETURNING, new int[] {1, 2}), "nothing returned");
        assertNotEquals(base, shape(t, cols, ret, 4, Chunk.RETURNING, new int[] {1, 2}), "rows per statement");
        assertNotEquals(base, shape(t, cols, ret, 3, Chunk.KEYS, new int[] {1, 2}), "form");
        assertNotEquals(base, shape(t, cols, ret, 3, Chunk.RETURNING, new int[] {2, 1}), "positions");
        assertNotEquals(base, shape(t, cols, ret, 3, Chunk.RETURNING, null), "aligned rows");
    }

    @Test
    void anInsertIsPlannedOncePerEngineForEqualPartsAndKeyedByItsOwnCopies() {
        Items t = new Items();
        Binders binders = new Binders();
        int[] made = {0};
        java.util.function.Supplier<BulkInsert.Planned> plan = () -> {
            made[0]++;
            return BulkInsert.Planned.of(org.athanor.core.sql.Sql.insert(t), new Column<?>[] {t.NAME, t.QTY}, new int[] {1, 2},
                    new Column<?>[] {t.ID}, org.athanor.core.dialect.GenericDialect.INSTANCE.features());
        };
        Column<?>[] cols = {t.NAME, t.QTY};
        int[] positions = {1, 2};
        BulkInsert.Planned first = binders.planned(t, cols, positions, new Column<?>[] {t.ID}, plan);
        positions[0] = 7; // the caller reuses its array: the kept plan's key is its own copy
        cols[1] = t.ID;
        BulkInsert.Planned again = binders.planned(t, new Column<?>[] {t.NAME, t.QTY}, new int[] {1, 2}, new Column<?>[] {t.ID}, plan);
        assertSame(first, again);
        assertEquals(1, made[0]);
        assertArrayEquals(new int[] {1, 2}, first.positions);
        binders.planned(t, new Column<?>[] {t.NAME, t.QTY}, new int[] {2, 1}, new Column<?>[] {t.ID}, plan);
        assertEquals(2, made[0], "other positions are another plan");
    }

    @Test
    void builtInTypesAreThoseDeclaredInSqlTypes() {
        assertTrue(SqlTypes.isBuiltIn(BIGINT));
        assertTrue(SqlTypes.isBuiltIn(varchar(10)));
        assertTrue(SqlTypes.isBuiltIn(numeric(8, 2)));
        assertFalse(SqlTypes.isBuiltIn(TIMESTAMPTZ_INSTANT), "a converted type");
        assertFalse(SqlTypes.isBuiltIn(enumOf(java.time.DayOfWeek.class)), "an enum type");
    }
}
