package org.athanor.orm;

import java.util.Arrays;
import java.util.List;

/** The identity of a row in a session: the entity and its primary key values, compared by value. */
final class IdKey {
    final EntityInfo info;
    final Object[] values;
    private final int hash;

    IdKey(EntityInfo info, Object[] values) {
        this.info = info;
        this.values = values;
        this.hash = info.hashCode() * 31 + Arrays.hashCode(values);
    }

    List<Object> asList() { return Arrays.asList(values.clone()); }

    @Override public boolean equals(Object o) {
        return o instanceof IdKey k && k.info == info && Arrays.equals(k.values, values);
    }

    @Override public int hashCode() { return hash; }

    @Override public String toString() {
        return info.name + (values.length == 1 ? "(id=" + values[0] + ")" : "(id=" + Arrays.toString(values) + ")");
    }
}
