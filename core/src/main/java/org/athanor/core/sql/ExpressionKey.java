package org.athanor.core.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An expression's cache key with its bound values: equal for two expressions built alike from equal
 * parts (aliases of one table with one name count as equal, see {@code Table.key}). {@link RowLayout}
 * uses it to find an expression built again, e.g. {@code upper(a.NAME)} over a fresh alias, among the
 * result columns of a statement compiled for an earlier build and served from the statement cache.
 */
final class ExpressionKey implements KeyBuilder {
    private static final Object PARAM = new Object();
    private final List<Object> tokens = new ArrayList<>();
    private boolean keyless;

    /** The key of {@code e}, or null when a node in it has no cache key (then only identity finds it). */
    static List<Object> of(Expression<?> e) {
        ExpressionKey k = new ExpressionKey();
        e.key(k);
        return k.keyless ? null : k.tokens;
    }

    /** Whether two keys of {@link #of} are equal, arrays (byte[] values) compared by content. */
    static boolean same(List<Object> a, List<Object> b) {
        if (a == null || b == null || a.size() != b.size()) return false;
        for (int i = 0; i < a.size(); i++) if (!Objects.deepEquals(a.get(i), b.get(i))) return false;
        return true;
    }

    @Override public void add(Object token) { tokens.add(token); }
    @Override public void add(boolean b) { tokens.add(b); }
    @Override public void add(int i) { tokens.add(i); }

    /** Unlike the statement cache's key, the value joins: {@code x + 1} and {@code x + 2} are different columns. */
    @Override
    public void param(Param<?> p) {
        tokens.add(PARAM);
        tokens.add(p.type());
        tokens.add(p.name());
        tokens.add(p.value());
    }

    @Override
    public void list(List<? extends SqlNode> nodes) {
        tokens.add(nodes.size());
        for (SqlNode n : nodes) n.key(this);
    }

    @Override
    public void opt(SqlNode node) {
        if (node == null) tokens.add(null);
        else node.key(this);
    }

    @Override public void notCacheable(SqlNode node) { keyless = true; }
    @Override public boolean hasNamed(String name) { return false; }
    @Override public Object namedValue(String name) { throw new IllegalStateException("no named values when comparing expressions"); }
    @Override public void expand(Object node, List<Param<?>> items) {}
    @Override public void markParamStart(Object node) {}
}
