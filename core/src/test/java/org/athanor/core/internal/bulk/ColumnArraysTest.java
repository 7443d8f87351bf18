package org.athanor.core.internal.bulk;

import static org.athanor.core.sql.Sql.insert;
import static org.athanor.core.type.SqlTypes.*;
import static org.junit.jupiter.api.Assertions.*;

import java.math.BigDecimal;
import java.util.List;
import org.athanor.core.dialect.GenericDialect;
import org.athanor.core.schema.Column;
import org.athanor.core.schema.Table;
import org.junit.jupiter.api.Test;

/**
 * The column arrays of a bulk insert ({@code Insert.columnArrays()}) are arrays of the column's
 * own class where that class is a final one drivers know (pgjdbc sends a {@code String[]} or
 * {@code Long[]} in binary, an {@code Object[]} as an escaped text literal), with values cast first.
 */
class ColumnArraysTest {
    static final class Items extends Table {
        final Column<Long> ID = column("id", BIGINT);
        final Column<String> NAME = column("name", varchar(20));
        final Column<Integer> QTY = column("qty", INTEGER);
        final Column<BigDecimal> PRICE = column("price", numeric(10, 2));

        Items() { super("items"); }
    }

    @Test
    void eachColumnGetsAnArrayOfItsOwnClass() {
        Items t = new Items();
        InsertPlan plan = InsertPlan.of(insert(t), List.of(t.ID, t.NAME, t.QTY, t.PRICE), GenericDialect.INSTANCE.features());
        List<Object[]> rows = List.of(
                new Object[] {1L, "a", 3, new BigDecimal("1.50")},
                new Object[] {2, null, 4, null}, // an Integer for the BIGINT column is cast to Long
                new Object[] {3L, "c", null, BigDecimal.ONE});
        Object[][] arrays = plan.columnArrays(rows, 0, 3, null);
        assertEquals(Long[].class, arrays[0].getClass());
        assertEquals(String[].class, arrays[1].getClass());
        assertEquals(Integer[].class, arrays[2].getClass());
        assertEquals(Object[].class, arrays[3].getClass(), "a class that is not final is gathered as Object[]");
        assertArrayEquals(new Long[] {1L, 2L, 3L}, arrays[0]);
        assertArrayEquals(new String[] {"a", null, "c"}, arrays[1]);
        assertArrayEquals(new Integer[] {3, 4, null}, arrays[2]);
        assertArrayEquals(new Object[] {new BigDecimal("1.50"), null, BigDecimal.ONE}, arrays[3]);
        // a slice with the values laid out wider than the statement
        Object[][] slice = plan.columnArrays(List.<Object[]>of(new Object[] {"x", 9L, 7, null, "y"}), 0, 1, new int[] {1, 0, 2, 3});
        assertArrayEquals(new Long[] {9L}, slice[0]);
        assertArrayEquals(new String[] {"x"}, slice[1]);
    }

    /**
     * Core renders no column-array INSERT of its own (that SQL is PostgreSQL's, in its compiler): a
     * dialect without the feature refuses the construct, and one that claims the feature without
     * rendering it refuses it too, naming it.
     */
    @Test
    void coreHasNoSpellingOfItsOwnForColumnArrays() {
        Items t = new Items();
        var ins = insert(t).columns(t.ID, t.NAME).values(null, null).columnArrays();
        var e = assertThrows(org.athanor.core.error.CompileError.class, () -> GenericDialect.INSTANCE.compile(ins));
        assertTrue(e.getMessage().contains("INSERT of column arrays"), e.getMessage());
        var claiming = GenericDialect.INSTANCE.withFeatures(GenericDialect.INSTANCE.features().toBuilder().insertFromArrays(true).build());
        e = assertThrows(org.athanor.core.error.CompileError.class, () -> claiming.compile(ins));
        assertTrue(e.getMessage().contains("INSERT of column arrays"), e.getMessage());
    }

    /** Without a strategy of its own, a dialect gets core's, chosen by its features. */
    @Test
    void coreChoosesByTheFeatures() {
        Items t = new Items();
        var shape = new org.athanor.core.dialect.BulkInsertShape(t, List.of(t.NAME), List.of(t.ID), false, true);
        assertEquals(null, GenericDialect.INSTANCE.keyStrategy(shape));
        var f = GenericDialect.INSTANCE.features().toBuilder();
        assertEquals("RETURNING", BulkInsert.choose(GenericDialect.INSTANCE.withFeatures(f.returning(true).returningPreservesOrder(true).build()), shape).name());
        assertEquals("sentinel matching", BulkInsert.choose(GenericDialect.INSTANCE.withFeatures(
                f.returning(true).returningPreservesOrder(false).orderedInsertSelect(true).build()), shape).name(), "ID is no autoincrement key");
        assertEquals("generated keys", BulkInsert.choose(GenericDialect.INSTANCE.withFeatures(f.returning(false).multiRowGeneratedKeys(true).build()), shape).name());
        assertEquals("no keys", BulkInsert.choose(GenericDialect.INSTANCE, new org.athanor.core.dialect.BulkInsertShape(t, List.of(t.NAME), List.of(), false, true)).name());
    }
}
