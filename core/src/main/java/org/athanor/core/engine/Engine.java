package org.athanor.core.engine;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.sql.DataSource;
import org.athanor.core.compile.CompiledStatement;
import org.athanor.core.internal.compile.CompiledTemplate;
import org.athanor.core.internal.compile.KeyCollector;
import org.athanor.core.dialect.DatabaseUrl;
import org.athanor.core.dialect.Dialect;
import org.athanor.core.dialect.DialectProvider;
import org.athanor.core.error.ConfigurationError;
import org.athanor.core.sql.SqlNode;
import org.athanor.core.sql.Statement;
import org.slf4j.Logger;

/**
 * The entry point to a database: a connection pool, a dialect and a compiled-statement cache.
 * Create one per database and share it; it is thread-safe.
 *
 * <pre>{@code
 * try (Engine engine = Engine.create("sqlite:///app.db")) {
 *     try (Connection c = engine.connect()) { ... c.commit(); }
 *     engine.inTransaction(c -> c.execute(insert(USERS).set(USERS.NAME, "Bob")));
 *     long n = engine.fromTransaction(c -> c.scalar(select(count()).from(USERS)));
 * }
 * }</pre>
 */
public final class Engine implements AutoCloseable, org.athanor.core.schema.DdlTarget, org.athanor.core.schema.ReflectionSource {
    static final Logger LOG = EchoLog.LOG;

    private final DataSource dataSource;
    private final HikariDataSource pool; // null when the user gave a DataSource
    private final EngineOptions options;
    private final EchoLog echoLog;
    private final ExecutionListeners listeners;
    private final UnclosedConnections unclosed;
    private final int statementTimeoutMillis;
    private final StatementCache cache;
    /** Prepared statements kept per physical connection of the engine's own pool, across checkouts. */
    private final KeptStatements kept = new KeptStatements();
    private final Checkout checkout;
    private final String description;
    private volatile Dialect dialect;
    /** The binders of plain multi-row INSERTs by shape, for the bulk-insert engine. */
    private final org.athanor.core.internal.bulk.Binders binders = new org.athanor.core.internal.bulk.Binders();


    /** For a single-connection pool (in-memory SQLite): the thread holding it, so that a nested connect() fails at once. */
    private volatile Thread singleHolder;
    private boolean single;

    private Engine(DataSource ds, HikariDataSource pool, Dialect dialect, EngineOptions options, String description) {
        this.dataSource = ds;
        this.pool = pool;
        this.options = options;
        this.listeners = new ExecutionListeners(options.hideParameters());
        this.echoLog = new EchoLog(options);
        // echo is one listener; DEBUG logging of statements is decided when the engine is created
        if (echoLog.on()) addExecutionListener(echoLog);
        this.unclosed = new UnclosedConnections(this, options.leakDetectionThreshold() != null);
        this.statementTimeoutMillis = millis(options.statementTimeout());
        this.cache = new StatementCache(options.statementCacheSize());
        this.description = description;
        this.dialect = dialect;
        this.checkout = new Checkout(this, ds, pool, options.prePing(), description);
    }

    /** An engine for a SQLAlchemy-style URL ({@code sqlite:///app.db}, {@code postgresql://u@h/db}) or a JDBC URL. */
    public static Engine create(String url) { return create(url, EngineOptions.defaults()); }

    public static Engine create(String url, EngineOptions options) {
        java.util.Objects.requireNonNull(url, "url");
        java.util.Objects.requireNonNull(options, "options");
        DatabaseUrl parsed = DatabaseUrl.parse(url);
        DialectProvider.ConnectionSpec spec = UrlPools.findProvider(parsed).resolve(parsed);
        HikariDataSource ds = UrlPools.pool(parsed, spec, options);
        Engine engine = new Engine(ds, ds, spec.dialect(), options, parsed.toString());
        engine.single = spec.pool() == DialectProvider.PoolShape.SINGLE_PERSISTENT;
        engine.initializeDialect();
        return engine;
    }

    /** An engine over a DataSource the application already has (its own pool). */
    public static Engine of(DataSource dataSource, Dialect dialect) { return of(dataSource, dialect, EngineOptions.defaults()); }

    public static Engine of(DataSource dataSource, Dialect dialect, EngineOptions options) {
        java.util.Objects.requireNonNull(dataSource, "dataSource");
        java.util.Objects.requireNonNull(dialect, "dialect");
        java.util.Objects.requireNonNull(options, "options");
        Engine e = new Engine(dataSource, null, dialect, options, dialect.name() + " DataSource");
        e.initializeDialect();
        return e;
    }

    private void initializeDialect() {
        try (java.sql.Connection c = dataSource.getConnection()) {
            dialect = dialect.forServer(c);
            if (!c.getAutoCommit()) c.rollback();
        } catch (SQLException e) {
            close();
            throw new ConfigurationError("cannot connect to " + description + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            close(); // a dialect refusing the server (too old) must not leave the pool open
            throw e;
        }
    }

    /** A timeout in whole milliseconds (at least 1), 0 for null. */
    static int millis(java.time.Duration d) {
        if (d == null) return 0;
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, d.toMillis()));
    }

    public Dialect dialect() { return dialect; }
    public EngineOptions options() { return options; }

    /**
     * Where connections come from (the pool this engine created, or the DataSource it was given), for
     * another engine over the same database: {@code Engine.of(e.dataSource(), e.dialect().withFeatures(f))}.
     */
    public DataSource dataSource() { return dataSource; }

    // ---- connections ---------------------------------------------------------------------------------

    /**
     * Set by {@link #close()}; every {@link Connection} of this engine reads it before each use. Volatile
     * and never reset: the checkout path reads one flag, takes no lock.
     */
    volatile boolean closed;

    /**
     * How many {@link Connection}s of this engine are checked out now (opened and not yet closed, or
     * reclaimed unclosed by the garbage collector): what a least-busy choice between engines compares
     * (see {@link org.athanor.core.routing.RoutingEngine}). Counted by the watch every checkout is under
     * ({@link UnclosedConnections}): one count, not a second shared counter written at every checkout and close.
     */
    public int connectionsInUse() { return unclosed.watched(); }

    /** True once {@link #close()} was called: {@link #connect()} refuses, and so does every Connection it gave out. */
    public boolean isClosed() { return closed; }

    /** A pooled connection with a transaction open; close it to return it (uncommitted work rolls back). */
    public Connection connect() {
        if (closed) throw closedEngine();
        if (single && singleHolder == Thread.currentThread())
            // waiting would only end in a timeout: this thread itself holds the one connection
            throw new IllegalStateException(description + " has a single connection and this thread already holds it: close that "
                    + "Connection before connect() (createAll, engine.inTransaction, ...), or use a file database for several connections");
        try {
            java.sql.Connection c = checkout.take();
            if (single) singleHolder = Thread.currentThread();
            if (pool == null && c.getAutoCommit()) c.setAutoCommit(false);
            if (pool == null && options.isolationLevel() != null) c.setTransactionIsolation(options.isolationLevel().jdbcLevel());
            if (pool == null) {
                java.sql.Connection physical = physicalOf(c);
                // the application's DataSource: the dialect's set-up runs once per physical connection it
                // lends, not at every checkout (MariaDB: a SET round trip; SQLite: registering functions)
                if (setUp.putIfAbsent(physical, Boolean.TRUE) == null) {
                    try {
                        dialect.onConnect(physical);
                    } catch (SQLException | RuntimeException e) {
                        setUp.remove(physical);
                        if (single) singleHolder = null;
                        c.close(); // a connection that failed its set-up is never handed out
                        throw e;
                    }
                }
                Connection conn = new Connection(this, c, null, new OpenStatements(KeptStatements.PER_CONNECTION));
                transaction(TransactionEvent.BEGIN, conn);
                return conn;
            }
            java.sql.Connection physical = c.unwrap(java.sql.Connection.class);
            OpenStatements o = kept.of(physical);
            if (o == null) { // a physical connection this engine has not seen: the dialect's session settings first
                try {
                    dialect.onConnect(physical);
                } catch (SQLException | RuntimeException e) {
                    release(c, physical, true);
                    throw e;
                }
                o = kept.keep(physical, pool.getMaximumPoolSize());
                // no other checkout has this physical connection yet: the next ones get o through the pool, after this write
                if (dialect.keepsPreparedStatements()) o.hits = cache.hitsFor(o);
            }
            // statements kept across checkouts, or (where the dialect leaves caching to the driver) for this one only
            Connection conn = dialect.keepsPreparedStatements() ? new Connection(this, c, physical, o)
                    : new Connection(this, c, null, new OpenStatements(KeptStatements.PER_CONNECTION));
            transaction(TransactionEvent.BEGIN, conn);
            return conn;
        } catch (java.sql.SQLTransientConnectionException e) {
            if (pool == null) throw dialect.translate(e, null);
            throw checkout.timeout(e);
        } catch (SQLException e) {
            throw dialect.translate(e, null);
        }
    }

    /**
     * The physical connections of an application's DataSource that {@link Dialect#onConnect} has set up.
     * Weak keys: the pool's connections come and go without telling us. Keyed by the driver's connection
     * object, whose equality is its identity (no JDBC driver here overrides equals).
     */
    private final Map<java.sql.Connection, Boolean> setUp = java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

    /** The driver's connection under a pool's proxy, or {@code c} itself when it does not say. */
    private static java.sql.Connection physicalOf(java.sql.Connection c) {
        try {
            return c.isWrapperFor(java.sql.Connection.class) ? c.unwrap(java.sql.Connection.class) : c;
        } catch (SQLException e) {
            return c;
        }
    }

    org.athanor.core.error.ResourceClosedError closedEngine() {
        return new org.athanor.core.error.ResourceClosedError(this + " is closed: create a new Engine to connect again");
    }


    UnclosedConnections unclosedConnections() { return unclosed; }

    /** The statement timeout of this engine's statements in milliseconds, 0 for none. */
    int statementTimeoutMillis() { return statementTimeoutMillis; }

    /**
     * A transaction block for try-with-resources (SQLAlchemy's {@code with engine.begin() as conn:}): a Connection
     * whose block ends with {@code commit()} (or {@code rollback()}). Java's {@code close()} cannot see whether the
     * block threw, so closing with uncommitted work rolls it back and then throws {@code IllegalStateException}
     * (suppressed under the block's own exception when one left it): a forgotten commit fails loudly instead of losing
     * the work in silence. {@link #connect()} rolls back on close without complaint; {@link #inTransaction} commits
     * when its lambda returns.
     * <pre>{@code
     * try (Connection c = engine.begin()) {
     *     c.execute(insert(USERS).set(USERS.NAME, "Ann"));
     *     c.commit();
     * }
     * }</pre>
     */
    public Connection begin() {
        Connection c = connect();
        c.block = true;
        return c;
    }

    /**
     * Runs {@code work} in a transaction and returns its value: committed when it returns, rolled
     * back when it throws. Named apart from {@link #inTransaction} (as the ORM's SessionFactory's
     * are) because one name for a Function and a Consumer overload makes {@code c -> c.execute(...)}
     * ambiguous to the compiler.
     * <pre>{@code
     * long n = engine.fromTransaction(c -> c.scalar(select(count()).from(USERS)));
     * }</pre>
     */
    public <T> T fromTransaction(Function<Connection, T> work) {
        java.util.Objects.requireNonNull(work, "work");
        try (Connection c = connect()) {
            T result = work.apply(c);
            c.commit();
            return result;
        }
    }

    /**
     * Runs {@code work} in a transaction: committed when it returns, rolled back when it throws.
     * <pre>{@code
     * engine.inTransaction(c -> c.execute(insert(USERS).set(USERS.NAME, "Bob")));
     * }</pre>
     */
    public void inTransaction(Consumer<Connection> work) {
        java.util.Objects.requireNonNull(work, "work");
        fromTransaction(c -> {
            work.accept(c);
            return null;
        });
    }


    /**
     * How many prepared statements this engine keeps open across checkouts, over all its pooled
     * connections (0 for an engine over a DataSource it was given, whose statements close with each
     * checkout). Read while connections are in use, it is approximate.
     */
    public int keptStatements() { return kept.count(); }

    void release(java.sql.Connection c, java.sql.Connection physical, boolean broken) {
        if (single) singleHolder = null;
        if (broken && physical != null) kept.drop(physical);
        try {
            if (broken && pool != null) pool.evictConnection(c);
            else c.close();
        } catch (SQLException e) {
            LOG.warn("closing a connection failed: {}", e.getMessage());
        }
    }

    // ---- compiling with the cache --------------------------------------------------------------------

    Prepared prepare(SqlNode statement) { return compileCached(statement, null); }

    /** With the values of named parameters given at execution (null: none). */
    Prepared prepare(SqlNode statement, Map<String, ?> named) { return compileCached(statement, named); }


    org.athanor.core.internal.bulk.Binders binders() { return binders; }

    /**
     * Compiles through the cache without telling listeners or logging: for callers that run the
     * template several times and report each execution themselves (insertMany's chunks).
     */
    Prepared compileCached(SqlNode statement) { return compileCached(statement, null); }

    Prepared compileCached(SqlNode statement, Map<String, ?> named) { return compileCached(statement, named, new KeyCollector(), null); }

    /**
     * {@link #compileCached(SqlNode, Map)} walking into {@code key}, a fresh or {@link KeyCollector#reset() reset}
     * walk (a connection reuses one for its statements: see {@link Executions}); done with it on return. A cache hit is
     * counted in {@code hits} (the caller's own count, see {@link StatementCache#hitsFor}), or the shared count when null.
     */
    Prepared compileCached(SqlNode statement, Map<String, ?> named, KeyCollector key, StatementCache.Hits hits) {
        if (named != null) key.named(named);
        statement.key(key);
        // a statement holding a node without a cache key (an Extension that does not override key())
        // is compiled every time: a guessed key could serve another instance's SQL
        CompiledTemplate t = key.cacheable() ? cache.get(key.lookupKey(), hits) : null;
        boolean cached = t != null;
        if (t == null) {
            // over the bind-parameter limit, expanding IN lists are bound as one parameter each: never cached
            if (key.paramCount() > dialect.features().maxBindParams()) t = CompiledTemplate.of(dialect.compileOverBindLimit(statement, key));
            else {
                t = CompiledTemplate.of(dialect.compileTemplate(statement, key));
                if (!t.warnings().isEmpty()) lint(t); // once per shape: a cached template is not checked again
                if (!dialect.fitsBindLimit(t)) t = CompiledTemplate.of(dialect.compileOverBindLimit(statement, key));
                else if (key.cacheable()) cache.put(key.storedKey(), t);
            }
        }
        // after compiling: the parameters inside a node without a key are met only while rendering
        key.checkNamedUsed(statement);
        return new Prepared(t, key.params(), cached);
    }

    /** The compiler's warnings about a newly compiled statement, as {@link EngineOptions#fromLinting} says. */
    private void lint(CompiledTemplate t) {
        switch (options.fromLinting()) {
            case OFF -> { }
            case WARN -> { for (String w : t.warnings()) LOG.warn("{} [SQL: {}]", w, t.sql()); }
            case RAISE -> throw new org.athanor.core.error.CompileError(String.join("; ", t.warnings()) + " [SQL: " + t.sql() + "]");
        }
    }

    /**
     * Compiles {@code statement} through this engine's statement cache without executing it: a
     * repeated shape reuses the cached SQL and only collects the new values.
     * <pre>{@code
     * CompiledStatement c = engine.compile(select(USERS.NAME).where(USERS.ID.eq(7L)));
     * c.sql();  c.parameters();  // [7]
     * }</pre>
     */
    public CompiledStatement compile(Statement statement) {
        Prepared p = compileCached(java.util.Objects.requireNonNull(statement, "statement"), null); // compiled, not run: no listener is told
        return new CompiledStatement(p.template(), p.params());
    }

    /**
     * Adds a listener told about every statement this engine runs and every transaction boundary
     * (see {@link ExecutionListener}).
     * <pre>{@code
     * engine.addExecutionListener(new ExecutionListener() {
     *     @Override public void finished(ExecutionEvent e) { if (e.durationNanos() > 100_000_000) slow.add(e.sql()); }
     * });
     * }</pre>
     */
    public void addExecutionListener(ExecutionListener listener) { listeners.add(java.util.Objects.requireNonNull(listener, "listener")); }

    /** Removes a listener added with {@link #addExecutionListener} (by equality); nothing when it is not there. */
    public void removeExecutionListener(ExecutionListener listener) { listeners.remove(listener); }

    /**
     * Adds a listener told the SQL of every statement before it runs: an adapter over
     * {@link #addExecutionListener} kept for existing callers (its {@code started}); new code should
     * use {@link ExecutionListener}, which also sees parameters, timing, rows and errors.
     */
    public void addStatementListener(StatementListener listener) {
        addExecutionListener(new StatementListenerAdapter(java.util.Objects.requireNonNull(listener, "listener")));
    }

    public void removeStatementListener(StatementListener listener) { removeExecutionListener(new StatementListenerAdapter(listener)); }

    /** A {@link StatementListener} as an execution listener; equal when the listener is (so it can be removed). */
    private record StatementListenerAdapter(StatementListener listener) implements ExecutionListener {
        @Override public void started(ExecutionEvent event) { listener.beforeExecute(event.sql()); }
    }


    /** Whether anything listens to executions: callers build an event's values only then. */
    boolean observed() { return listeners.observed(); }

    /** See {@link ExecutionListeners#started}. */
    ExecutionEvent started(Connection c, String sql, List<List<Object>> sets, boolean cached, boolean literal, boolean batch) {
        return listeners.started(c, sql, sets, cached, literal, batch);
    }

    /** See {@link ExecutionListeners#finished}. */
    void finished(ExecutionEvent e, long rows, RuntimeException error) { ExecutionListeners.finished(e, rows, error); }

    /** A transaction boundary on {@code c}. */
    void transaction(TransactionEvent event, Connection c) { listeners.transaction(event, c); }

    /** Statement-cache figures, for tests and monitoring. */
    public record CacheStats(int size, long hits, long misses) {}

    public CacheStats cacheStats() { return new CacheStats(cache.size(), cache.hits(), cache.misses()); }

    public void clearCache() { cache.clear(); }

    // ---- schema ------------------------------------------------------------------------------------

    /** Reads the schema of the live database: tables, columns, keys, indexes (see {@link org.athanor.core.inspect.Inspector}). */
    public org.athanor.core.inspect.Inspector inspect() { return new JdbcInspector(this); }

    /** Untyped tables read back from the database (what {@code MetaData.reflect(engine)} returns). */
    @Override
    public org.athanor.core.schema.MetaData reflect(String schema, java.util.Collection<String> tables) { return inspect().reflect(schema, tables); }

    /** Runs DDL for a MetaData (used by {@code metadata.createAll(engine)}). */
    public DdlRunner ddl() { return new DdlRunner(this); }

    /** {@code metadata.createAll(engine)}: see {@link DdlRunner#createAll}. */
    @Override public void createAll(org.athanor.core.schema.MetaData metadata, boolean ifNotExists) { ddl().createAll(metadata, ifNotExists); }

    /** {@code metadata.dropAll(engine)}: see {@link DdlRunner#dropAll}. */
    @Override public void dropAll(org.athanor.core.schema.MetaData metadata, boolean ifExists) { ddl().dropAll(metadata, ifExists); }

    /**
     * Closes the engine: every Connection it gave out refuses further use at once (their results
     * too), and the pool it created is closed with all its physical connections, those still checked
     * out included (their uncommitted work is lost). A DataSource the engine was given is not
     * closed; connections checked out of it go back to it when their Connection is closed.
     */
    @Override
    public void close() {
        closed = true;
        if (pool != null && !pool.isClosed()) pool.close(); // closing the connections closes their kept statements
        checkout.interruptWaiting(); // HikariCP leaves them parked until their timeout
        // The pool "aborts" connections still checked out, but sqlite-jdbc's abort() does nothing: such
        // a connection would go on writing to (and locking) the file. Every physical connection the
        // pool ever lent is a key of kept, so close them all; closing a closed one does nothing.
        for (java.sql.Connection c : kept.clear()) {
            try {
                c.close();
            } catch (SQLException e) {
                LOG.warn("closing a connection of {} failed: {}", this, e.getMessage());
            }
        }
    }

    @Override public String toString() { return "Engine(" + description + ")"; }
}
