package org.athanor.core.routing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.athanor.core.engine.Connection;
import org.athanor.core.engine.Engine;
import org.athanor.core.error.ConfigurationError;
import org.athanor.core.error.DatabaseError;
import org.athanor.core.sql.Dml;
import org.athanor.core.sql.Query;

/**
 * Several independent databases holding parts of the same tables (horizontal shards), each behind
 * its own {@link Engine}, named by a shard id. For reporting: one query run on every shard (or on
 * those given) with the rows merged — ORDER BY, LIMIT and OFFSET applied across the shards
 * ({@link ShardMerge}) — and COUNT/SUM totals added up ({@link #sumAll}). The ORM's sharded session
 * routes single objects; this is Core's side.
 *
 * <p>Failure: the first shard whose statement fails stops the operation with the database's own
 * error type, its message beginning with the shard's id ({@code shard 'eu' (Engine(...)): ...}).
 * {@link #executeAll(Dml)} runs one transaction per shard and commits only when every shard's
 * statement succeeded, so a failing shard leaves all of them unchanged; shards are committed one
 * after another (there is no two-phase commit), and a failure while committing names the shards
 * already committed.
 * <pre>{@code
 * try (ShardSet shards = ShardSet.builder().shard("eu", euEngine).shard("us", usEngine).build()) {
 *     List<Tuple2<String, Long>> top = shards.executeAll(
 *             select(ORDERS.CUSTOMER, ORDERS.TOTAL).from(ORDERS).orderBy(ORDERS.TOTAL.desc()).limit(10));
 *     long n = shards.sumAll(select(count()).from(ORDERS));
 * }
 * }</pre>
 */
public final class ShardSet implements AutoCloseable {
    private final Map<String, Engine> shards;

    private ShardSet(Map<String, Engine> shards) { this.shards = shards; }

    public static Builder builder() { return new Builder(); }

    /** The shard ids, in the order they were given (the order unsorted results come in). */
    public Set<String> ids() { return shards.keySet(); }

    /** The engine of shard {@code id}; an error naming the known ids when there is none. */
    public Engine engine(String id) {
        Engine e = shards.get(Objects.requireNonNull(id, "shard id"));
        if (e == null) throw new IllegalArgumentException("no shard '" + id + "'; the shards are " + shards.keySet());
        return e;
    }

    /** The engines by shard id, in order. */
    public Map<String, Engine> engines() { return shards; }

    /** {@code query} on every shard, merged (see {@link ShardMerge} for what is merged and how). */
    public <R> List<R> executeAll(Query<R> query) { return execute(shards.keySet(), query); }

    /** {@code query} on the shards {@code ids} (in that order), merged. */
    public <R> List<R> execute(Collection<String> ids, Query<R> query) {
        Objects.requireNonNull(query, "query");
        ShardMerge<R> merge = ShardMerge.of(query);
        List<List<R>> parts = new ArrayList<>(ids.size());
        for (String id : ids) {
            Engine e = engine(id);
            parts.add(onShard(id, e, () -> {
                try (Connection c = e.connect()) {
                    return c.execute(merge.perShard()).all();
                }
            }));
        }
        return merge.merge(parts);
    }

    /**
     * Adds up a one-column whole-number query over every shard: {@code select(count()).from(T)} or
     * {@code select(sum(T.QTY))}; a shard's NULL (SUM over no rows) counts as 0. Other aggregates do
     * not add up (an average of averages is wrong): run those per shard with {@link #executeAll}.
     */
    public long sumAll(Query<? extends io.vavr.Tuple1<? extends Number>> query) { return sum(shards.keySet(), query); }

    public long sum(Collection<String> ids, Query<? extends io.vavr.Tuple1<? extends Number>> query) {
        long total = 0;
        for (io.vavr.Tuple1<? extends Number> t : execute(ids, query)) {
            Number n = t._1();
            if (n == null) continue;
            if (n instanceof Long || n instanceof Integer || n instanceof Short || n instanceof Byte) total = Math.addExact(total, n.longValue());
            else if (n instanceof java.math.BigInteger b) total = Math.addExact(total, b.longValueExact());
            else if (n instanceof java.math.BigDecimal d && d.stripTrailingZeros().scale() <= 0) total = Math.addExact(total, d.longValueExact());
            else throw new IllegalArgumentException("sumAll adds whole numbers (COUNT, SUM of an integer column), but a shard returned "
                    + n + " (" + n.getClass().getSimpleName() + "); run " + query + " with executeAll and add the values yourself");
        }
        return total;
    }

    /**
     * Runs {@code dml} on every shard, each in its own transaction, and commits them only when all
     * succeeded (a failing shard rolls every one back); returns the affected rows per shard.
     */
    public Map<String, Integer> executeAll(Dml dml) {
        Objects.requireNonNull(dml, "dml");
        Map<String, Connection> open = new LinkedHashMap<>();
        Map<String, Integer> rows = new LinkedHashMap<>();
        try {
            for (Map.Entry<String, Engine> s : shards.entrySet()) {
                rows.put(s.getKey(), onShard(s.getKey(), s.getValue(), () -> {
                    Connection c = s.getValue().connect();
                    open.put(s.getKey(), c);
                    return c.execute(dml);
                }));
            }
            List<String> committed = new ArrayList<>();
            for (Map.Entry<String, Connection> c : open.entrySet()) {
                String id = c.getKey();
                onShard(id, shards.get(id), () -> {
                    try {
                        c.getValue().commit();
                    } catch (RuntimeException e) {
                        if (committed.isEmpty()) throw e;
                        throw new IllegalStateException("committing failed after shards " + committed
                                + " had committed (no two-phase commit): those keep the change; " + e.getMessage(), e);
                    }
                    committed.add(id);
                    return null;
                });
            }
            return rows;
        } finally {
            for (Connection c : open.values()) c.close(); // uncommitted ones roll back
        }
    }

    /** Runs {@code work} for shard {@code id}; its failure comes back naming the shard (same type for database errors). */
    static <T> T onShard(String id, Engine engine, java.util.function.Supplier<T> work) {
        try {
            return work.get();
        } catch (DatabaseError e) {
            throw e.withContext(where(id, engine));
        } catch (RuntimeException e) {
            throw new ShardError(id, where(id, engine) + ": " + e.getMessage(), e);
        }
    }

    static String where(String id, Engine engine) { return "shard '" + id + "' (" + engine + ")"; }

    /** Closes every shard's engine. */
    @Override
    public void close() {
        RuntimeException first = null;
        for (Engine e : shards.values()) {
            try {
                e.close();
            } catch (RuntimeException x) {
                if (first == null) first = x;
            }
        }
        if (first != null) throw first;
    }

    @Override public String toString() { return "ShardSet" + shards; }

    /** Builds a {@link ShardSet}; ids are unique and non-blank, engines given once. */
    public static final class Builder {
        private final Map<String, Engine> shards = new LinkedHashMap<>();

        private Builder() {}

        public Builder shard(String id, Engine engine) {
            Objects.requireNonNull(id, "shard id");
            Objects.requireNonNull(engine, "engine");
            if (id.isBlank()) throw new ConfigurationError("a shard id must not be blank");
            if (shards.containsKey(id)) throw new ConfigurationError("shard '" + id + "' is given twice; shard ids are unique");
            if (shards.containsValue(engine)) throw new ConfigurationError(engine + " is given for two shards; each shard is its own database");
            shards.put(id, engine);
            return this;
        }

        public ShardSet build() {
            if (shards.isEmpty()) throw new ConfigurationError("a ShardSet needs at least one shard: builder().shard(id, engine)");
            return new ShardSet(java.util.Collections.unmodifiableMap(new LinkedHashMap<>(shards)));
        }
    }
}
