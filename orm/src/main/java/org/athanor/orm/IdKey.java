package org.athanor.orm;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The identity of a row in a session: the entity and its primary key values, compared by value.
 * A key made from a row of attribute values reads its id values from that array in place (no copy
 * per loaded row); the array is a snapshot, which is replaced, never changed, so the key stays put.
 */
final class IdKey {
    final EntityInfo info;
    /** Where the id values are: {@code source[positions[k]]}. */
    private final Object[] source;
    private final int[] positions;
    private final int hash;

    private IdKey(EntityInfo info, Object[] source, int[] positions) {
        this.info = info;
        this.source = source;
        this.positions = positions;
        int h = info.keyHashSeed;
        for (int p : positions) h = 31 * h + Objects.hashCode(source[p]);
        this.hash = h;
    }

    /** The key of a row of attribute values (in attribute order), which it keeps: the caller does not change the array. */
    static IdKey ofRow(EntityInfo info, Object[] row) { return new IdKey(info, row, info.idIdx); }

    /** The key of id values given in id attribute order. */
    static IdKey ofIds(EntityInfo info, Object[] ids) { return new IdKey(info, ids, identity(ids.length)); }

    private static final int[][] IDENTITY = {{}, {0}, {0, 1}, {0, 1, 2}, {0, 1, 2, 3}};

    private static int[] identity(int n) {
        if (n < IDENTITY.length) return IDENTITY[n];
        int[] p = new int[n];
        for (int i = 0; i < n; i++) p[i] = i;
        return p;
    }

    /** The {@code k}-th id value. */
    Object value(int k) { return source[positions[k]]; }

    int size() { return positions.length; }

    List<Object> asList() {
        List<Object> out = new ArrayList<>(positions.length);
        for (int p : positions) out.add(source[p]);
        return java.util.Collections.unmodifiableList(out);
    }

    @Override public boolean equals(Object o) {
        if (o == this) return true;
        if (!(o instanceof IdKey k) || k.info != info || k.hash != hash || k.positions.length != positions.length) return false;
        for (int i = 0; i < positions.length; i++) if (!Objects.equals(source[positions[i]], k.source[k.positions[i]])) return false;
        return true;
    }

    @Override public int hashCode() { return hash; }

    @Override public String toString() {
        return info.name + (positions.length == 1 ? "(id=" + value(0) + ")" : "(id=" + asList() + ")");
    }
}
