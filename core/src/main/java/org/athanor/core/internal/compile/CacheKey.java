package org.athanor.core.internal.compile;

import java.util.Objects;

/** The structure of a statement without its bound values; equal keys compile to the same SQL. */
public final class CacheKey {
    private final Object[] tokens;
    private final int size;
    private final int hash;

    public CacheKey(Object[] tokens, int size, int hash) {
        this.tokens = tokens;
        this.size = size;
        this.hash = hash;
    }

    public int size() { return size; }

    @Override public int hashCode() { return hash; }

    @Override
    public boolean equals(Object o) {
        if (this == o) return true;
        if (!(o instanceof CacheKey k) || k.hash != hash || k.size != size) return false;
        Object[] a = tokens, b = k.tokens;
        for (int i = 0; i < size; i++) {
            Object x = a[i], y = b[i];
            if (x != y && (x == null || !x.equals(y))) return false;
        }
        return true;
    }

    @Override public String toString() { return "CacheKey[" + size + " tokens, hash " + hash + "]"; }

    static boolean same(Object a, Object b) { return Objects.equals(a, b); }
}
