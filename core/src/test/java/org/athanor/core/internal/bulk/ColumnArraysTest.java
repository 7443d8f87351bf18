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
}
