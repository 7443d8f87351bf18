package org.athanor.orm.sharding;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.athanor.core.engine.Engine;
import org.athanor.core.error.ConfigurationError;
import org.athanor.orm.Registry;
import org.athanor.orm.SessionFactory;

/**
 * Makes {@link ShardedSession}s over several databases (shards) holding the same mapped tables,
 * with the three choosers of SQLAlchemy's horizontal_shard. Immutable and thread-safe. Each shard's
 * sessions come from a {@link SessionFactory} of its engine, given the options of
 * {@link Builder#sessionOptions} (statement report, lazy-load limits, autoflush, listeners, ...).
 * <pre>{@code
 * ShardedSessionFactory sessions = ShardedSessionFactory.builder(registry)
 *         .shard("eu", euEngine).shard("us", usEngine)
 *         .shardChooser(obj -> ((Customer) obj).region.equals("EU") ? "eu" : "us")
 *         .queryChooser(q -> ShardKeys.pinnedValues(q.criterion(), Customer_.region)
 *                 .map(regions -> regions.stream().map(r -> r.equals("EU") ? "eu" : "us").toList())
 *                 .orElse(List.of("eu", "us")))
 *         .build();
 * }</pre>
 */
public final class ShardedSessionFactory {
    /** Where a new object goes (SQLAlchemy's shard_chooser): a shard id for {@code entity}. */
    @FunctionalInterface
    public interface ShardChooser {
        String shardFor(Object entity);
    }

    /** Which shards an object of {@code entityClass} with this id can be on, in the order to look (identity_chooser). */
    @FunctionalInterface
    public interface IdChooser {
        Collection<String> shardsFor(Class<?> entityClass, Object id);
    }

    /** Which shards a query must visit (query_chooser), usually from a criterion on the shard key ({@link org.athanor.core.routing.ShardKeys}). */
    @FunctionalInterface
    public interface QueryChooser {
        Collection<String> shardsFor(ShardedQuery<?> query);
    }

    private final Registry registry;
    private final Map<String, SessionFactory> shards;
    private final ShardChooser shardChooser;
    private final IdChooser idChooser;
    private final QueryChooser queryChooser;

    private ShardedSessionFactory(Builder b) {
        this.registry = b.registry;
        Map<String, SessionFactory> m = new LinkedHashMap<>();
        b.engines.forEach((id, e) -> m.put(id, b.configured(id, SessionFactory.of(e, b.registry))));
        this.shards = java.util.Collections.unmodifiableMap(m);
        this.shardChooser = b.shardChooser;
        List<String> all = List.copyOf(m.keySet());
        this.idChooser = b.idChooser != null ? b.idChooser : (type, id) -> all;
        this.queryChooser = b.queryChooser != null ? b.queryChooser : q -> all;
    }

    public static Builder builder(Registry registry) { return new Builder(registry); }

    public Registry registry() { return registry; }

    /** The shard ids, in the order they were given. */
    public java.util.Set<String> shardIds() { return shards.keySet(); }

    /** The session factory of one shard (for work that stays on it). */
    public SessionFactory shard(String id) {
        SessionFactory f = shards.get(Objects.requireNonNull(id, "shard id"));
        if (f == null) throw new IllegalArgumentException("no shard '" + id + "'; the shards are " + shards.keySet());
        return f;
    }

    ShardChooser shardChooser() { return shardChooser; }
    IdChooser idChooser() { return idChooser; }
    QueryChooser queryChooser() { return queryChooser; }

    /** A new sharded session; close it (try-with-resources). */
    public ShardedSession openSession() { return new ShardedSession(this); }

    /** Checks a chooser's answer: known shard ids only, at least one. */
    List<String> checked(Collection<String> ids, String chooser, Object about) {
        if (ids == null || ids.isEmpty())
            throw new IllegalStateException("the " + chooser + " chose no shard for " + about + "; return one or more of " + shards.keySet());
        List<String> out = new ArrayList<>(ids.size());
        for (String id : ids) {
            if (!shards.containsKey(id))
                throw new IllegalStateException("the " + chooser + " chose shard '" + id + "' for " + about + ", which is not one of "
                        + shards.keySet());
            if (!out.contains(id)) out.add(id);
        }
        return out;
    }

    /** Builds a {@link ShardedSessionFactory}. The shard chooser is required; the id and query choosers default to "every shard". */
    public static final class Builder {
        private final Registry registry;
        private final Map<String, Engine> engines = new LinkedHashMap<>();
        private ShardChooser shardChooser;
        private IdChooser idChooser;
        private QueryChooser queryChooser;
        private java.util.function.UnaryOperator<SessionFactory> sessionOptions = java.util.function.UnaryOperator.identity();

        private Builder(Registry registry) { this.registry = Objects.requireNonNull(registry, "registry"); }

        public Builder shard(String id, Engine engine) {
            Objects.requireNonNull(id, "shard id");
            Objects.requireNonNull(engine, "engine");
            if (id.isBlank()) throw new ConfigurationError("a shard id must not be blank");
            if (engines.containsKey(id)) throw new ConfigurationError("shard '" + id + "' is given twice; shard ids are unique");
            if (engines.containsValue(engine)) throw new ConfigurationError(engine + " is given for two shards; each shard is its own database");
            engines.put(id, engine);
            return this;
        }

        public Builder shardChooser(ShardChooser c) {
            this.shardChooser = Objects.requireNonNull(c, "shardChooser");
            return this;
        }

        public Builder idChooser(IdChooser c) {
            this.idChooser = Objects.requireNonNull(c, "idChooser");
            return this;
        }

        public Builder queryChooser(QueryChooser c) {
            this.queryChooser = Objects.requireNonNull(c, "queryChooser");
            return this;
        }

        /**
         * The options every shard's {@link SessionFactory} takes, as a function from the plain factory
         * ({@code SessionFactory.of(shardEngine, registry)}) to the configured one, e.g.
         * {@code sessionOptions(f -> f.withStatementReport().raiseLazyLoadsOver(10))}: the same options as a
         * Session's, applied per shard (so the lazy-load limit counts per shard's session; see
         * {@link ShardedSession#statementReports()}).
         */
        public Builder sessionOptions(java.util.function.UnaryOperator<SessionFactory> options) {
            this.sessionOptions = Objects.requireNonNull(options, "sessionOptions");
            return this;
        }

        private SessionFactory configured(String id, SessionFactory plain) {
            SessionFactory f = sessionOptions.apply(plain);
            if (f == null || f.engine() != plain.engine() || f.registry() != plain.registry())
                throw new ConfigurationError("sessionOptions returned " + (f == null ? "null" : "a factory of another engine or registry")
                        + " for shard '" + id + "'; return the factory it was given with options added, e.g. f -> f.withStatementReport()");
            return f;
        }

        public ShardedSessionFactory build() {
            if (engines.isEmpty()) throw new ConfigurationError("a ShardedSessionFactory needs at least one shard: builder(registry).shard(id, engine)");
            if (shardChooser == null)
                throw new ConfigurationError("a ShardedSessionFactory needs a shardChooser: where does a new object go? "
                        + "builder(registry).shardChooser(obj -> \"shard id\")");
            return new ShardedSessionFactory(this);
        }
    }
}
