package org.athanor.orm.internal.mapping;

import org.athanor.core.schema.Column;
import org.athanor.core.sql.Expression;
import org.athanor.core.sql.Update;

/** Attribute values as the unit of work compares, keeps and writes them. */
public final class Values {
    private Values() {}

    /** A copy safe to keep as a snapshot: byte arrays are cloned, other mapped types are immutable. */
    public static Object[] snapshotOf(Object[] values) {
        Object[] s = values.clone();
        for (int i = 0; i < s.length; i++) if (s[i] instanceof byte[] b) s[i] = b.clone();
        return s;
    }

    /** Equality as dirty checking sees it: arrays by content, BigDecimal by value (1.0 equals 1.00); {@link org.athanor.orm.mapping.EntityAccessor#sameValue}. */
    public static boolean same(Object a, Object b) { return org.athanor.orm.mapping.EntityAccessor.sameValue(a, b); }

    /** {@code SET column = value} with the value bound, for code that holds columns untyped. */
    public static <T> Update setValue(Update u, Column<T> c, Object value) { return u.set(c, c.bind(value)); }

    /** {@code SET column = expression}, for code that holds columns untyped. */
    @SuppressWarnings("unchecked")
    public static <T> Update setExpression(Update u, Column<T> c, Expression<?> value) { return u.set(c, (Expression<T>) value); }

    /** Whether {@code c} is an integer type a generated id may have. */
    public static boolean isIntegral(Class<?> c) { return c == Integer.class || c == Long.class || c == Short.class; }
}
