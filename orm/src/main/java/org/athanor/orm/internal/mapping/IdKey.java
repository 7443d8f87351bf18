package org.athanor.orm.internal.mapping;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The identity of a row in a session: the base mapper of the entity's hierarchy ({@link Mapper#base()}),
 * its primary key values, compared by value, and an identity token (null unless a sharded session
 * sets it: the same key on two shards is two identities).
 * A key made from a row of attribute values reads its id values from that array in place (no copy
 * per loaded row); the array is a snapshot, which is replaced, never changed, so the key stays put.
 */
public final class IdKey {
    /** The base mapper of the row's hierarchy (what identity is keyed by). */
    public final Mapper base;
    private final Object token;
    /** Where the id values are: {@code source[positions[k]]}. */
    private final Object[] source;
    private final int[] positions;
    private final int hash;

    private IdKey(Mapper mapper, Object token, Object[] source, int[] positions) {
        this.base = mapper.base();
        this.token = token;
        this.source = source;
        this.positions = positions;
        int h = base.keyHashSeed;
        for (int p : positions) h = 31 * h + Objects.hashCode(source[p]);
        this.hash = token == null ? h : 31 * h + token.hashCode();
    }

    /** The key of a row of attribute values (in attribute order), which it keeps: the caller does not change the array. */
    public static IdKey ofRow(Mapper mapper, Object[] row) { return new IdKey(mapper, null, row, mapper.idIdx); }

    /** The key of id values given in id attribute order. */
    public static IdKey ofIds(Mapper mapper, Object[] ids) { return new IdKey(mapper, null, ids, identity(ids.length)); }

    /** This key with identity token {@code token} (a sharded session's shard id); null for the plain key. */
    public IdKey withToken(Object token) { return java.util.Objects.equals(token, this.token) ? this : new IdKey(base, token, source, positions); }

    /** The identity token: null unless a sharded session set one. */
    public Object token() { return token; }

    private static final int[][] IDENTITY = {{}, {0}, {0, 1}, {0, 1, 2}, {0, 1, 2, 3}};

    private static int[] identity(int n) {
        if (n < IDENTITY.length) return IDENTITY[n];
        int[] p = new int[n];
        for (int i = 0; i < n; i++) p[i] = i;
        return p;
    }

    /** The {@code k}-th id value. */
    public Object value(int k) { return source[positions[k]]; }

    public int size() { return positions.length; }

    public List<Object> asList() {
        List<Object> out = new ArrayList<>(positions.length);
        for (int p : positions) out.add(source[p]);
        return java.util.Collections.unmodifiableList(out);
    }

    @Override public boolean equals(Object o) {
        if (o == this) return true;
        if (!(o instanceof IdKey k) || k.base != base || !Objects.equals(k.token, token) || k.hash != hash || k.positions.length != positions.length) return false;
        for (int i = 0; i < positions.length; i++) if (!Objects.equals(source[positions[i]], k.source[k.positions[i]])) return false;
        return true;
    }

    @Override public int hashCode() { return hash; }

    @Override public String toString() {
        return base.name + (token == null ? "" : "@" + token) + (positions.length == 1 ? "(id=" + value(0) + ")" : "(id=" + asList() + ")");
    }
}
