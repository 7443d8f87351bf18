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
    void builtInTypesAreThoseDeclaredInSqlTypes() {
        assertTrue(SqlTypes.isBuiltIn(BIGINT));
        assertTrue(SqlTypes.isBuiltIn(varchar(10)));
        assertTrue(SqlTypes.isBuiltIn(numeric(8, 2)));
        assertFalse(SqlTypes.isBuiltIn(TIMESTAMPTZ_INSTANT), "a converted type");
        assertFalse(SqlTypes.isBuiltIn(enumOf(java.time.DayOfWeek.class)), "an enum type");
    }
}
