package org.athanor.core.internal.compile;

import java.util.Arrays;
import java.util.List;
import org.athanor.core.sql.KeyBuilder;
import org.athanor.core.sql.Param;
import org.athanor.core.sql.SqlNode;

/**
 * The key walk: collects a statement's structure (tokens) and its bind parameters in one walk over
 * {@link SqlNode#key}. The tokens form the statement-cache key; the parameters, in walk order, are the
 * values bound on execution. A statement that met a node without a key ({@link #notCacheable}) has no
 * key: it is compiled at every execution. Reused per walk: not thread-safe.
 */
public final class KeyCollector implements KeyBuilder {
    private static final Object PARAM = new Object() { @Override public String toString() { return "?"; } };
    private static final Object ANONYMOUS = new Object() { @Override public String toString() { return "anon"; } };

    // sized for a three-table join with a few predicates (~55 tokens) so the common case never grows, without zeroing more than it needs
    private Object[] tokens = new Object[64];
    private int size;
    private int hash = 1;
    private Param<?>[] params = new Param<?>[16];
    private int paramCount;

    /** The first node met that has no cache key, or null. */
    private SqlNode uncacheable;

    /**
     * {@code key} as the walk core made it: the compiler and the dialect take the exported
     * {@link KeyBuilder} in their public signatures, and every walk they are given is a KeyCollector.
     */
    public static KeyCollector walked(KeyBuilder key) {
        if (key instanceof KeyCollector k) return k;
        throw new IllegalArgumentException("not a key walk made by Athanor's engine: " + (key == null ? "null" : key.getClass().getName())
                + "; expected the KeyBuilder a statement was walked into for compiling (Dialect.compile makes one)");
    }

    @Override
    public void add(Object token) {
        if (size == tokens.length) tokens = Arrays.copyOf(tokens, size * 2);
        tokens[size++] = token;
        hash = 31 * hash + (token == null ? 0 : token.hashCode());
    }

    @Override public void add(boolean b) { add(Boolean.valueOf(b)); }

    @Override public void add(int i) { add(Integer.valueOf(i)); }

    /** A bind parameter: its type (and name) join the key, its value does not. */
    @Override
    public void param(Param<?> p) {
        add(PARAM);
        add(p.type());
        if (p.name() != null) {
            add(p.name());
            if (named != null) hasNamed(p.name());
        }
        if (paramCount == params.length) params = Arrays.copyOf(params, paramCount * 2);
        params[paramCount++] = p;
    }

    /** Anonymous nodes met in this walk, numbered 1, 2, ... in the order met (see {@link KeyBuilder#anonymous}). */
    private java.util.IdentityHashMap<Object, Integer> anonymous;

    @Override
    public void anonymous(Object node) {
        if (anonymous == null) anonymous = new java.util.IdentityHashMap<>();
        Integer n = anonymous.get(node);
        if (n == null) anonymous.put(node, n = anonymous.size() + 1);
        add(ANONYMOUS);
        add(n.intValue());
    }

    /** Names declared in this walk that an anonymous alias could be given ({@code anon_...}, lower case); null: none. */
    private java.util.Set<String> declaredAnonNames;

    @Override
    public void declares(String name) {
        // only names an anonymous alias could take are kept: the check costs the walk a few character compares
        if (name.length() > 5 && name.regionMatches(true, 0, "anon_", 0, 5)) {
            if (declaredAnonNames == null) declaredAnonNames = new java.util.HashSet<>();
            declaredAnonNames.add(name.toLowerCase(java.util.Locale.ROOT));
        }
    }

    /**
     * Whether a node of this walk declared {@code name} (lower case, {@code anon_<n>}) in FROM or WITH, in any letter
     * case (SQLite and MariaDB compare some identifiers without case): an anonymous alias must not take it.
     */
    public boolean declared(String name) { return declaredAnonNames != null && declaredAnonNames.contains(name); }

    @Override
    public void list(List<? extends SqlNode> nodes) {
        add(nodes.size());
        for (int i = 0, n = nodes.size(); i < n; i++) nodes.get(i).key(this);
    }

    @Override
    public void opt(SqlNode node) {
        if (node == null) add((Object) null);
        else node.key(this);
    }

    @Override
    public void notCacheable(SqlNode node) {
        if (uncacheable == null) uncacheable = node;
    }

    /** Whether the walk met only nodes with keys: the compiled SQL may be cached under {@link #storedKey}. */
    public boolean cacheable() { return uncacheable == null; }

    /** The first node met without a cache key (for messages), or null. */
    public SqlNode uncacheableNode() { return uncacheable; }

    public int paramCount() { return paramCount; }

    /**
     * Appends a parameter the walk did not meet and returns its index: the compiler's own values (an
     * IN list bound as one array, the parameters of a node without a cache key). Only for statements that
     * are never cached, since the key's tokens do not change with it.
     */
    public int extraParam(Param<?> p) {
        if (p.name() != null && named != null) hasNamed(p.name()); // met while rendering a node without a key
        if (paramCount == params.length) params = Arrays.copyOf(params, paramCount * 2);
        params[paramCount] = p;
        return paramCount++;
    }

    /** Values of named parameters given at execution ({@code conn.execute(stmt, Map.of("ids", list))}), or null. */
    private java.util.Map<String, ?> named;
    /** The names of {@link #named} the walk met, to report a name the statement does not have. */
    private java.util.Set<String> namesMet;
    /** Expanding IN lists whose items came from {@link #named}: node to its parameters. */
    private java.util.IdentityHashMap<Object, List<Param<?>>> expansions;

    /** Walks with the named parameter values of one execution (they decide how expanding IN lists render). */
    public void named(java.util.Map<String, ?> values) {
        this.named = values;
        if (values == null) namesMet = null;
        else if (namesMet == null) namesMet = new java.util.HashSet<>();
        else namesMet.clear(); // a reused walk (see reset)
    }

    /** Whether a value for {@code name} was given at execution. */
    @Override
    public boolean hasNamed(String name) {
        if (named == null || !named.containsKey(name)) return false;
        namesMet.add(name);
        return true;
    }

    /** The value given at execution for {@code name} (see {@link #hasNamed}). */
    @Override public Object namedValue(String name) { return named.get(name); }

    /** After the walk: an error for a given name the statement has no parameter for (a typo would be ignored otherwise). */
    public void checkNamedUsed(Object statement) {
        // the names met are names given (hasNamed adds only those): as many met as given means every one was met
        if (named == null || namesMet.size() == named.size()) return;
        for (String n : named.keySet())
            if (!namesMet.contains(n))
                throw new IllegalArgumentException("a value was given for :" + n + ", but the statement has no parameter of that name"
                        + (namesMet.isEmpty() ? "" : " (it has " + new java.util.TreeSet<>(namesMet) + ")") + ": " + statement);
    }

    /** Records the parameters an execution-time list gave an IN list (see {@code InList}). */
    @Override
    public void expand(Object node, List<Param<?>> items) {
        if (expansions == null) expansions = new java.util.IdentityHashMap<>();
        expansions.put(node, items);
    }

    /** The parameters an execution-time list gave {@code node}, or null. */
    public List<Param<?>> expansion(Object node) { return expansions == null ? null : expansions.get(node); }

    private java.util.IdentityHashMap<Object, Integer> starts;

    /**
     * Records that {@code node}'s parameters start at the current parameter position (expanding IN
     * lists): the compiler binds their placeholders by position, since a padded list repeats its
     * last parameter and identity cannot tell the copies from a longer list of the same bucket.
     */
    @Override
    public void markParamStart(Object node) {
        if (starts == null) starts = new java.util.IdentityHashMap<>();
        starts.put(node, paramCount);
    }

    /** Where {@code node}'s parameters start (see {@link #markParamStart}), or -1. */
    public int paramStart(Object node) {
        Integer i = starts == null ? null : starts.get(node);
        return i == null ? -1 : i;
    }

    public Param<?> param(int i) { return params[i]; }

    /** The parameters met, in walk order (the canonical order compiled slots refer to). */
    public Param<?>[] params() {
        Param<?>[] copy = new Param<?>[paramCount]; // not Arrays.copyOf: its generic form asks the array for its class
        System.arraycopy(params, 0, copy, 0, paramCount);
        return copy;
    }

    /** A key over the tokens collected so far, sharing this builder's array: for lookups only. */
    public CacheKey lookupKey() { return new CacheKey(tokens, size, hash); }

    /** A key that owns a copy of the tokens: for storing in a cache. */
    public CacheKey storedKey() {
        if (uncacheable != null) throw new IllegalStateException("the statement has no cache key: " + uncacheable + " has none");
        return new CacheKey(Arrays.copyOf(tokens, size), size, hash); }

    /** The walk's token capacity: a walk reused across statements is let go once a large statement grew it past {@link #KEPT_CAPACITY}. */
    public int capacity() { return Math.max(tokens.length, params.length * 4); }

    /** See {@link #capacity()}: four times the initial size. */
    public static final int KEPT_CAPACITY = 256;

    /** Empties the walk for another statement: no token or parameter of the last one stays reachable. */
    public void reset() {
        Arrays.fill(tokens, 0, size, null);
        Arrays.fill(params, 0, paramCount, null);
        size = 0;
        paramCount = 0;
        // IdentityHashMap.clear empties its whole table even when it holds nothing: only the used ones are cleared
        if (starts != null && !starts.isEmpty()) starts.clear();
        if (expansions != null && !expansions.isEmpty()) expansions.clear();
        if (anonymous != null && !anonymous.isEmpty()) anonymous.clear();
        if (declaredAnonNames != null && !declaredAnonNames.isEmpty()) declaredAnonNames.clear();
        named = null;
        if (namesMet != null && !namesMet.isEmpty()) namesMet.clear(); // kept for the next walk's named values, empty
        uncacheable = null;
        hash = 1;
    }

    /** Walks {@code node} into a fresh builder. */
    public static KeyCollector of(SqlNode node) {
        KeyCollector k = new KeyCollector();
        node.key(k);
        return k;
    }
}
