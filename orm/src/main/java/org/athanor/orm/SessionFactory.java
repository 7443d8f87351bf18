package org.athanor.orm;

import org.athanor.orm.internal.mapping.Mapper;

import java.util.function.Consumer;
import java.util.function.Function;
import org.athanor.core.engine.Engine;
import org.athanor.core.error.ConfigurationError;
import org.athanor.orm.mapping.Attribute;
import jakarta.persistence.GenerationType;

/**
 * Makes {@link Session}s bound to an engine and a registry (SQLAlchemy's {@code sessionmaker}).
 * Immutable and thread-safe: build one per application and open a session per unit of work.
 *
 * <pre>{@code
 * SessionFactory sessions = SessionFactory.of(engine, Registry.of(User.class, Post.class));
 * try (Session session = sessions.openSession()) { ... session.commit(); }
 * sessions.inTransaction(session -> session.add(new User("Carol", 28)));
 * try (SessionTransaction tx = sessions.begin()) { tx.session().add(dave); tx.commit(); }
 * long users = sessions.fromTransaction(session -> session.query(User.class).count());
 * SessionFactory manual = sessions.autoflush(false).expireOnCommit(false);
 * }</pre>
 */
public final class SessionFactory {
    private final Engine engine;
    /** Where the sessions' connections come from: the engine alone, or a primary with read replicas. */
    private final org.athanor.core.routing.RoutingEngine router;
    private final Registry registry;
    private final boolean autoflush;
    private final boolean expireOnCommit;
    /** The session and mapper listeners every session of this factory calls (immutable). */
    final Listeners listeners;
    /** Counts the sessions' statements by origin; null unless {@link #withStatementReport()} asked. */
    final StatementTracker tracker;
    /** Lazy loads of one relationship allowed per session before the limit acts; -1: no limit. */
    final int lazyLoadLimit;
    /** Whether going over the limit raises {@link LazyLoadLimitError} (else it warns). */
    final boolean lazyLoadRaise;
    /** The clock timestamp {@code @Version} values are taken from; null: the system clock in the default zone at each use. */
    final java.time.Clock versionClock;
    /** The flushes' UPDATE statements, built once per entity, table and changed columns (see {@link org.athanor.orm.internal.flush.UpdateStatements}). */
    final org.athanor.orm.internal.flush.UpdateStatements updates = new org.athanor.orm.internal.flush.UpdateStatements();

    private SessionFactory(org.athanor.core.routing.RoutingEngine router, Registry registry, boolean autoflush, boolean expireOnCommit,
                           Listeners listeners, StatementTracker tracker, int lazyLoadLimit, boolean lazyLoadRaise,
                           java.time.Clock versionClock) {
        this.router = router;
        this.engine = router.primary();
        this.registry = registry;
        this.autoflush = autoflush;
        this.expireOnCommit = expireOnCommit;
        this.listeners = listeners;
        this.tracker = tracker;
        this.lazyLoadLimit = lazyLoadLimit;
        this.lazyLoadRaise = lazyLoadRaise;
        this.versionClock = versionClock;
    }

    /**
     * A factory with autoflush and expireOnCommit on. Checks that the database can serve the mapping:
     * {@code GenerationType.SEQUENCE} needs sequences ({@code DialectFeatures.supportsSequences()}).
     */
    public static SessionFactory of(Engine engine, Registry registry) {
        if (engine == null || registry == null) throw new IllegalArgumentException("SessionFactory.of needs an engine and a registry");
        return of(org.athanor.core.routing.RoutingEngine.of(engine), registry);
    }

    /**
     * A factory whose sessions read from the router's replicas until they write: the first flush
     * with changes, DML through the session, a locking query or a savepoint moves the session to the
     * primary, where it stays until commit or rollback (see docs/scale-out.md).
     * <pre>{@code
     * SessionFactory sessions = SessionFactory.of(RoutingEngine.builder(primary).replica(standby).build(), registry);
     * }</pre>
     */
    public static SessionFactory of(org.athanor.core.routing.RoutingEngine router, Registry registry) {
        if (router == null || registry == null) throw new IllegalArgumentException("SessionFactory.of needs a routing engine and a registry");
        Engine engine = router.primary();
        for (Mapper info : registry.infos()) {
            Attribute g = info.generatedId;
            if (g != null && g.generation() == GenerationType.SEQUENCE && !engine.dialect().features().supportsSequences())
                throw new ConfigurationError(info.name + "." + g.name() + " uses @GeneratedValue(strategy = SEQUENCE) but "
                        + engine.dialect().name() + " has no sequences; use IDENTITY there");
        }
        return new SessionFactory(router, registry, true, true, Listeners.NONE, null, -1, false, null);
    }

    /** Whether queries and get() misses flush pending changes first (default true). */
    public SessionFactory autoflush(boolean on) { return new SessionFactory(router, registry, on, expireOnCommit, listeners, tracker, lazyLoadLimit, lazyLoadRaise, versionClock); }

    /** Whether commit() expires persistent objects so they are re-read when next handed out (default true). */
    public SessionFactory expireOnCommit(boolean on) { return new SessionFactory(router, registry, autoflush, on, listeners, tracker, lazyLoadLimit, lazyLoadRaise, versionClock); }

    /**
     * A factory like this one whose sessions also call {@code listener}'s session events (after the
     * listeners registered before it). This factory is unchanged.
     */
    public SessionFactory withListener(SessionListener listener) {
        if (listener == null) throw new IllegalArgumentException("withListener(null): give a SessionListener");
        return new SessionFactory(router, registry, autoflush, expireOnCommit, listeners.withSession(listener, registry), tracker, lazyLoadLimit, lazyLoadRaise, versionClock);
    }

    /**
     * A factory like this one whose sessions also call {@code listener}'s mapper events for the
     * objects of {@code entityClass} and of the registry's entities that extend or implement it. This
     * factory is unchanged.
     *
     * @throws IllegalArgumentException when no entity of the registry is an {@code entityClass}
     */
    public <E> SessionFactory withListener(Class<E> entityClass, MapperListener<? super E> listener) {
        if (entityClass == null || listener == null)
            throw new IllegalArgumentException("withListener(entityClass, listener) needs both, got " + entityClass + ", " + listener);
        return new SessionFactory(router, registry, autoflush, expireOnCommit, listeners.withMapper(entityClass, listener, registry), tracker, lazyLoadLimit, lazyLoadRaise, versionClock);
    }

    /**
     * A factory whose sessions count their statements by origin ({@link Session#statementReport()}).
     * It registers one {@code ExecutionListener} on the primary and each replica engine, for as long
     * as those engines live: call it once when setting up, not per session. Factories made from this
     * one (autoflush, limits) share the listener. Without it the engine runs no listener for the ORM.
     */
    public SessionFactory withStatementReport() {
        if (tracker != null) return this;
        StatementTracker t = new StatementTracker();
        engine.addExecutionListener(t);
        for (Engine replica : router.replicaEngines()) if (replica != engine) replica.addExecutionListener(t);
        return new SessionFactory(router, registry, autoflush, expireOnCommit, listeners, t, lazyLoadLimit, lazyLoadRaise, versionClock);
    }

    /** Whether sessions of this factory count statements ({@link #withStatementReport()}). */
    public boolean reportsStatements() { return tracker != null; }

    /**
     * Sessions log a warning (logger {@code org.athanor.orm.lazy}, and {@link StatementReport#warnings()})
     * the first time one relationship is lazily loaded more than {@code k} times in one session: the
     * (k+1)th lazy load warns, the k-th does not. The load still runs.
     */
    public SessionFactory warnLazyLoadsOver(int k) { return new SessionFactory(router, registry, autoflush, expireOnCommit, listeners, tracker, checkLimit(k), false, versionClock); }

    /**
     * Sessions refuse a lazy load of one relationship beyond the {@code k}-th in one session with
     * {@link LazyLoadLimitError}, before its statement runs (the k-th load still runs). For tests and
     * development: it turns an N+1 into a failure.
     */
    public SessionFactory raiseLazyLoadsOver(int k) { return new SessionFactory(router, registry, autoflush, expireOnCommit, listeners, tracker, checkLimit(k), true, versionClock); }

    /**
     * A factory whose sessions take timestamp {@code @Version} values (Instant, LocalDateTime,
     * OffsetDateTime) from {@code clock} instead of the system clock in the JVM's default zone — for
     * tests that need versions at known times, or an application that keeps its own clock. The clock
     * belongs to this factory: other factories in the JVM are not affected.
     */
    public SessionFactory withVersionClock(java.time.Clock clock) {
        if (clock == null) throw new IllegalArgumentException("withVersionClock needs a clock; the default is the system clock");
        return new SessionFactory(router, registry, autoflush, expireOnCommit, listeners, tracker, lazyLoadLimit, lazyLoadRaise, clock);
    }

    private static int checkLimit(int k) {
        if (k < 0) throw new IllegalArgumentException("lazy load limit " + k + " is negative; give the number of lazy loads of one relationship a session may do (0 or more)");
        return k;
    }

    /** The primary engine (the only one when the factory was made from an Engine). */
    public Engine engine() { return engine; }

    /** The routing over the primary and its read replicas (none when the factory was made from an Engine). */
    public org.athanor.core.routing.RoutingEngine router() { return router; }
    public Registry registry() { return registry; }
    public boolean autoflush() { return autoflush; }
    public boolean expireOnCommit() { return expireOnCommit; }

    /** A new session; close it (try-with-resources). */
    public Session openSession() { return new Session(this, router, registry, autoflush, expireOnCommit); }

    /**
     * A new session inside a transaction block ({@code with Session.begin() as session:}): commit the
     * block as its last statement; closing it rolls back unless committed (and throws when neither commit() nor
     * rollback() was called, see {@link SessionTransaction}), and closes the session.
     *
     * <pre>{@code
     * try (SessionTransaction tx = sessions.begin()) {
     *     tx.session().add(new User("Carol", 28));
     *     tx.commit();
     * }
     * }</pre>
     */
    public SessionTransaction begin() { return new SessionTransaction(openSession(), true); }

    /**
     * Runs {@code work} in a new session and commits; rolls back (closing the session) and rethrows
     * when it throws: {@code sessions.inTransaction(s -> s.add(user))}.
     */
    public void inTransaction(Consumer<Session> work) {
        fromTransaction(s -> {
            work.accept(s);
            return null;
        });
    }

    /** {@link #inTransaction} returning a value: {@code long n = sessions.fromTransaction(s -> s.query(User.class).count())}. */
    public <T> T fromTransaction(Function<Session, T> work) {
        try (Session s = openSession()) {
            T result = work.apply(s);
            s.commit();
            return result;
        }
    }
}
