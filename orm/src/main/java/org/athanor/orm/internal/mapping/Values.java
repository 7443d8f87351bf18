package org.athanor.orm.internal.mapping;

import java.math.BigDecimal;
import java.util.Arrays;

/** Attribute values as the unit of work compares and keeps them. */
public final class Values {
    private Values() {}

    /** A copy safe to keep as a snapshot: byte arrays are cloned, other mapped types are immutable. */
    public static Object[] snapshotOf(Object[] values) {
        Object[] s = values.clone();
        for (int i = 0; i < s.length; i++) if (s[i] instanceof byte[] b) s[i] = b.clone();
        return s;
    }

    /** Equality as dirty checking sees it: arrays by content, BigDecimal by value (1.0 equals 1.00). */
    public static boolean same(Object a, Object b) {
        if (a == b) return true;
        if (a == null || b == null) return false;
        if (a instanceof byte[] x && b instanceof byte[] y) return Arrays.equals(x, y);
        if (a instanceof BigDecimal x && b instanceof BigDecimal y) return x.compareTo(y) == 0;
        return a.equals(b);
    }
}
