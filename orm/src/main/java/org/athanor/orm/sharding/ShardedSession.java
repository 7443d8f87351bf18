package org.athanor.orm.sharding;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.athanor.core.error.DatabaseError;
import org.athanor.orm.Registry;
import org.athanor.orm.Session;
import org.athanor.orm.mapping.ClassMapping;
import org.athanor.orm.mapping.ToMany;
import org.athanor.orm.mapping.ToOne;

/**
 * A unit of work over several shards (SQLAlchemy's ShardedSession). It holds one ordinary
 * {@link Session} per shard it has touched, so the identity map is keyed by (entity, id, shard):
 * equal ids on two shards are two objects, and each shard's flush, autoflush, expiry and rollback
 * rules are the Session's own.
 *
 * <ul>
 * <li>{@link #add}: the shard chooser says where a new object goes; objects it references or
 *     collects that are new go with it (the save-update cascade), and one already held for another
 *     shard is a {@link CrossShardError}.</li>
 * <li>{@link #get(Class, Object)}: the id chooser's shards, in order; the first that has the row wins.</li>
 * <li>{@link #query}: the query chooser's shards, results merged (ORDER BY, LIMIT, OFFSET across
 *     shards; {@code count()} added up).</li>
 * <li>{@link #flush} / {@link #commit}: every touched shard flushes in its own transaction; when one
 *     fails, every shard's transaction is rolled back and the error (the database error's own type)
 *     names the shard. Commits then run shard after shard: there is no two-phase commit, and a
 *     commit failing after others succeeded says which shards had committed.</li>
 * <li>{@link #statementReports()}: each shard session's statement report, when the factory's builder gave
 *     {@code sessionOptions(f -> f.withStatementReport())}; a lazy-load limit applies per shard's session.</li>
 * </ul>
 * <pre>{@code
 * try (ShardedSession s = sessions.openSession()) {
 *     s.add(new Customer("Ann", "EU"));                    // shard chooser: "eu"
 *     s.commit();
 *     List<Customer> eu = s.query(Customer.class).filter(Customer_.region.eq("EU")).all();   // visits "eu" only
 *     String where = s.shardOf(eu.get(0));                 // "eu"
 * }
 * }</pre>
 * Like a Session, it is for one thread at a time.
 */
public final class ShardedSession implements AutoCloseable {
    private final ShardedSessionFactory factory;
    private final Registry registry;
    /** The shards' sessions, opened on first use, in the order they were opened. */
    private final Map<String, Session> sessions = new LinkedHashMap<>();
    private boolean closed;

    ShardedSession(ShardedSessionFactory factory) {
        this.factory = factory;
        this.registry = factory.registry();
    }

    public ShardedSessionFactory factory() { return factory; }

    /** Shard {@code id}'s own session (opened now if it is not yet), for work that stays on that shard. */
    public Session shard(String id) {
        checkOpen();
        factory.shard(id); // an error naming the shards when id is unknown
        return sessions.computeIfAbsent(id, k -> factory.shard(k).openSession());
    }

    /**
     * The statement report of each shard's session this sharded session has opened, by shard id in the order
     * opened (see {@link Session#statementReport()}); statement counts need
     * {@code sessionOptions(f -> f.withStatementReport())} on the factory's builder. Lazy loads and the lazy-load
     * limit are counted per shard's session, as each object is loaded by its own shard's session.
     */
    public Map<String, org.athanor.orm.StatementReport> statementReports() {
        Map<String, org.athanor.orm.StatementReport> out = new LinkedHashMap<>();
        sessions.forEach((id, s) -> out.put(id, s.statementReport()));
        return java.util.Collections.unmodifiableMap(out);
    }

    /** Starts every opened shard session's statement report (and lazy-load counts) from zero. */
    public void resetStatementReports() {
        checkOpen();
        for (Session s : sessions.values()) s.resetStatementReport();
    }

    /** The shard whose session holds {@code entity}, or null when none does. */
    public String shardOf(Object entity) {
        checkOpen();
        Objects.requireNonNull(entity, "entity");
        for (Map.Entry<String, Session> s : sessions.entrySet()) if (s.getValue().contains(entity)) return s.getKey();
        return null;
    }

    // ---- adding and deleting -------------------------------------------------------------------------

    /**
     * Adds {@code entity} to the shard the shard chooser names (or keeps it where it is, when a shard
     * holds it already). Related new objects go to the same shard; a related object held for another
     * shard is refused before anything is added.
     */
    public void add(Object entity) {
        checkOpen();
        if (entity == null) throw new IllegalArgumentException("add(null): give an entity object");
        String held = shardOf(entity);
        String shard = held != null ? held : factory.checked(List.of(choose(entity)), "shard chooser", describe(entity)).get(0);
        checkGraph(entity, shard);
        shard(shard).add(entity);
    }

    private String choose(Object entity) {
        String id = factory.shardChooser().shardFor(entity);
        if (id == null) throw new IllegalStateException("the shard chooser returned null for " + describe(entity)
                + "; return one of " + factory.shardIds());
        return id;
    }

    public void addAll(Collection<?> entities) {
        Objects.requireNonNull(entities, "entities");
        for (Object e : entities) add(e);
    }

    /** Marks {@code entity} for deletion in the session of the shard that holds it. */
    public void delete(Object entity) {
        checkOpen();
        Objects.requireNonNull(entity, "entity");
        String s = shardOf(entity);
        if (s == null) throw new IllegalArgumentException(describe(entity) + " is not held by this sharded session; load it (get/query) "
                + "or add it first, so that its shard is known");
        sessions.get(s).delete(entity);
    }

    // ---- loading -------------------------------------------------------------------------------------

    /** The object of {@code type} with {@code id} from the first of the id chooser's shards that has it, or null. */
    public <E> E get(Class<E> type, Object id) {
        checkOpen();
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(id, "id");
        checkNoCrossShardReferences();
        for (String s : factory.checked(factory.idChooser().shardsFor(type, id), "id chooser", type.getSimpleName() + " id " + id)) {
            E found = onShard(s, () -> shard(s).get(type, id));
            if (found != null) return found;
        }
        return null;
    }

    /** The object of {@code type} with {@code id} on shard {@code shard}, or null. */
    public <E> E get(Class<E> type, Object id, String shard) {
        checkOpen();
        checkNoCrossShardReferences();
        return onShard(shard, () -> shard(shard).get(type, id));
    }

    /** A query over the shards the query chooser picks when it runs. */
    public <E> ShardedQuery<E> query(Class<E> type) {
        checkOpen();
        registry.mapping(type); // an unmapped class fails here, with the registry's message
        return new ShardedQuery<>(this, type);
    }

    // ---- flush, commit, rollback ---------------------------------------------------------------------

    /**
     * Flushes every touched shard. Cross-shard references made since the objects were added are
     * refused first; a shard whose flush fails rolls every shard back and its error names it.
     */
    public void flush() {
        checkOpen();
        checkNoCrossShardReferences();
        for (Map.Entry<String, Session> s : sessions.entrySet()) {
            try {
                s.getValue().flush();
            } catch (RuntimeException e) {
                rollbackAll();
                throw named(s.getKey(), e);
            }
        }
    }

    /** Flushes (see {@link #flush}), then commits the shards one after another. */
    public void commit() {
        flush();
        List<String> committed = new ArrayList<>();
        for (Map.Entry<String, Session> s : sessions.entrySet()) {
            try {
                s.getValue().commit();
            } catch (RuntimeException e) {
                rollbackAll();
                if (committed.isEmpty()) throw named(s.getKey(), e);
                throw new IllegalStateException("shard '" + s.getKey() + "' failed to commit after shards " + committed
                        + " had committed (there is no two-phase commit: those keep their changes): " + e.getMessage(), e);
            }
            committed.add(s.getKey());
        }
    }

    /** Rolls back every shard's transaction (each session's own rollback rules). */
    public void rollback() {
        checkOpen();
        rollbackAll();
    }

    private void rollbackAll() {
        RuntimeException first = null;
        for (Session s : sessions.values()) {
            try {
                s.rollback();
            } catch (RuntimeException e) {
                if (first == null) first = e;
            }
        }
        if (first != null) throw first;
    }

    /** Closes every shard's session (uncommitted work is rolled back). Idempotent. */
    @Override
    public void close() {
        if (closed) return;
        closed = true;
        RuntimeException first = null;
        for (Session s : sessions.values()) {
            try {
                s.close();
            } catch (RuntimeException e) {
                if (first == null) first = e;
            }
        }
        sessions.clear();
        if (first != null) throw first;
    }

    public boolean isClosed() { return closed; }

    // ---- shard boundaries ----------------------------------------------------------------------------

    /**
     * Walks what {@code root} references and collects, through objects no shard holds yet (those the
     * add will cascade to {@code shard}), and refuses an object held for another shard.
     */
    private void checkGraph(Object root, String shard) {
        Map<Object, Boolean> seen = new IdentityHashMap<>();
        Deque<Object> todo = new ArrayDeque<>();
        todo.add(root);
        seen.put(root, Boolean.TRUE);
        while (!todo.isEmpty()) {
            Object o = todo.poll();
            for (Reference r : references(o, o == root || shardOf(o) == null)) {
                String other = shardOf(r.target);
                if (other != null && !other.equals(shard)) throw crossShard(o, shard, r, other);
                if (other == null && seen.put(r.target, Boolean.TRUE) == null) todo.add(r.target);
            }
        }
    }

    /**
     * Before a flush, and before a get or query (each shard's session autoflushes by itself): no
     * object held for one shard may reference an object held for another.
     */
    void checkNoCrossShardReferences() {
        for (Map.Entry<String, Session> s : sessions.entrySet()) {
            Session session = s.getValue();
            java.util.Set<Object> isNew = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
            isNew.addAll(session.getNew());
            // every held object, not only the dirty ones: a reference moved to an object of another
            // shard with the same id leaves the foreign key value unchanged, so a dirty check misses it
            for (Object o : session.getAll()) {
                // collections only of new objects: a persistent object's collection may not be loaded,
                // and a collected element's own reference back is checked from its side
                for (Reference r : references(o, isNew.contains(o))) {
                    String other = shardOf(r.target);
                    if (other != null && !other.equals(s.getKey())) throw crossShard(o, s.getKey(), r, other);
                }
            }
        }
    }

    private record Reference(String attribute, Object target) {}

    /** The objects {@code o}'s to-one references point at, and (when {@code collections}) its collections' elements. */
    private List<Reference> references(Object o, boolean collections) {
        List<Reference> out = new ArrayList<>();
        ClassMapping<?> m = registry.mapping(o.getClass());
        for (ToOne t : m.toOnes()) {
            Object v = t.get(o);
            if (v != null) out.add(new Reference(t.toString(), v));
        }
        if (collections)
            for (ToMany t : m.toManys()) {
                Object v = t.get(o);
                if (v instanceof Collection<?> c) for (Object e : c) if (e != null) out.add(new Reference(t.toString(), e));
            }
        return out;
    }

    private CrossShardError crossShard(Object from, String shard, Reference r, String otherShard) {
        return new CrossShardError(describe(from) + " (shard '" + shard + "') refers to " + describe(r.target) + ", which is on shard '"
                + otherShard + "', through " + r.attribute + ": relationships stay within one shard (a foreign key cannot point into "
                + "another database). Choose the same shard for both, or load or create the related object on shard '" + shard + "'");
    }

    private String describe(Object entity) {
        try {
            List<Object> id = registry.primaryKeyOf(entity);
            return entity.getClass().getSimpleName() + (id == null ? " (new)" : " id " + (id.size() == 1 ? id.get(0) : id));
        } catch (RuntimeException e) {
            return entity.getClass().getSimpleName();
        }
    }

    // ---- errors --------------------------------------------------------------------------------------

    /** Runs {@code work} for shard {@code id}; its failure comes back naming the shard. */
    <T> T onShard(String id, java.util.function.Supplier<T> work) {
        try {
            return work.get();
        } catch (RuntimeException e) {
            throw named(id, e);
        }
    }

    RuntimeException named(String shard, RuntimeException e) {
        String where = "shard '" + shard + "' (" + factory.shard(shard).engine() + ")";
        if (e instanceof DatabaseError d) return d.withContext(where);
        if (e instanceof CrossShardError || e instanceof IllegalArgumentException && e.getMessage() != null && e.getMessage().startsWith("no shard"))
            return e;
        return new org.athanor.core.routing.ShardError(shard, where + ": " + e.getMessage(), e);
    }

    void checkOpen() {
        if (closed) throw new IllegalStateException("this sharded session is closed; open a new one with ShardedSessionFactory.openSession()");
    }
}
