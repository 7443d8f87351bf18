package org.athanor.orm.mapping;

import java.util.Arrays;
import java.util.List;

/** The identity of an entity with a composite key: its id values in key order, compared by value. */
final class IdentityKey {
    private final Object[] values;
    private final int hash;

    IdentityKey(Object[] values) {
        this.values = values;
        this.hash = Arrays.hashCode(values);
    }

    List<Object> values() { return List.of(values); }

    @Override public boolean equals(Object o) { return o instanceof IdentityKey k && hash == k.hash && Arrays.equals(values, k.values); }
    @Override public int hashCode() { return hash; }
    @Override public String toString() { return Arrays.toString(values); }
}
