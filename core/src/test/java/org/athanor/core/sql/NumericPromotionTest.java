package org.athanor.core.sql;

import static org.athanor.core.fixtures.Items.ITEMS;
import static org.athanor.core.sql.Sql.*;
import static org.athanor.core.type.SqlTypes.*;
import static org.junit.jupiter.api.Assertions.*;

import java.math.BigDecimal;
import org.athanor.core.internal.compile.KeyCollector;
import org.junit.jupiter.api.Test;

/** SQLAlchemy's numeric promotion on the typed arithmetic methods, and avg's type. */
class NumericPromotionTest {
    @Test
    void aWiderLeftOperandTypesTheResult() {
        Expression<BigDecimal> amount = ITEMS.PRICE.times(ITEMS.QTY);
        assertSame(ITEMS.PRICE.type(), amount.type());
        assertEquals("items.price * items.qty", render(amount));
        assertSame(ITEMS.PRICE.type(), ITEMS.PRICE.div(ITEMS.QTY).type());
        assertSame(ITEMS.PRICE.type(), ITEMS.PRICE.minus(ITEMS.WEIGHT).type()); // among NUMERIC and DOUBLE the left wins
        assertSame(DOUBLE, ITEMS.WEIGHT.plus(ITEMS.PRICE).type());
        assertSame(BIGINT, ITEMS.TOTAL.plus(ITEMS.QTY).type());
        assertSame(INTEGER, ITEMS.QTY.plus(ITEMS.QTY).type());
        assertSame(NUMERIC, avg(ITEMS.QTY).type());
        assertSame(NUMERIC, avg(ITEMS.PRICE).type());
    }

    @Test
    void aNarrowerLeftOperandIsRefusedWithAdvice() {
        var e = assertThrows(IllegalArgumentException.class, () -> ITEMS.QTY.times(ITEMS.PRICE));
        assertEquals("INTEGER * NUMERIC is NUMERIC (BigDecimal), but the left operand types the result as Integer: "
                + "put the NUMERIC operand on the left, or cast the left operand to NUMERIC (Sql.cast(x, type))", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ITEMS.QTY.minus(ITEMS.TOTAL));
        assertThrows(IllegalArgumentException.class, () -> ITEMS.QTY.div(ITEMS.WEIGHT));
        // the cast the message suggests
        assertSame(NUMERIC, cast(ITEMS.QTY, NUMERIC).minus(ITEMS.PRICE).type());
    }

    @Test
    void theResultTypeIsPartOfTheCacheKey() {
        // same text, different result types: the keys must differ, or a cached plan would read with the wrong codec
        var a = new Binary<>(ITEMS.QTY, Operator.PLUS, ITEMS.QTY, INTEGER);
        var b = new Binary<>(ITEMS.QTY, Operator.PLUS, ITEMS.QTY, BIGINT);
        assertNotEquals(KeyCollector.of(select(a)).storedKey(), KeyCollector.of(select(b)).storedKey());
        assertEquals(KeyCollector.of(select(a)).storedKey(), KeyCollector.of(select(new Binary<>(ITEMS.QTY, Operator.PLUS, ITEMS.QTY, INTEGER))).storedKey());
    }

    private static String render(Expression<?> e) { return Sql.render(select(e)).replace("SELECT ", "").replace(" FROM items", ""); }
}
