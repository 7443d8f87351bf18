package org.athanor.core.engine;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeSet;
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
import org.athanor.core.sql.Param;
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
    private final UnclosedConnections unclosed;
    private final int statementTimeoutMillis;
    private final StatementCache cache;
    private final String description;
    private volatile Dialect dialect;
    /**
     * The execution listeners (echo among them when it is on), copied on write; null when there are
     * none, so that an unobserved statement costs one field read and a branch.
     */
    private volatile ExecutionListener[] executionListeners;
    /** The binders of plain multi-row INSERTs by shape, for the bulk-insert engine. */
    private final org.athanor.core.internal.bulk.Binders binders = new org.athanor.core.internal.bulk.Binders();

    /**
     * Prepared statements kept per physical connection of this engine's own pool, across checkouts
     * (the pool's statement cache, as DBCP's poolPreparedStatements): SQLite parses and plans on every
     * prepare, so a short transaction repeating yesterday's statement would otherwise pay that each
     * time. Entries of connections the pool closed are dropped at the next checkout.
     */
    private final Map<java.sql.Connection, OpenStatements> kept = new java.util.IdentityHashMap<>();
    /**
     * A copy of {@link #kept}, replaced (under the lock on kept) whenever kept changes: every checkout
     * reads it without a lock. Kept changes only when the pool opens or drops a physical connection,
     * a handful of times per pool; a lock on every checkout was the one monitor 16 threads contended
     * for in the concurrent request mix (docs/benchmarks.md).
     */
    private volatile Map<java.sql.Connection, OpenStatements> keptView = Map.of();
    private static final int KEPT_PER_CONNECTION = 32;

    /** For a single-connection pool (in-memory SQLite): the thread holding it, so that a nested connect() fails at once. */
    private volatile Thread singleHolder;
    private boolean single;

    private Engine(DataSource ds, HikariDataSource pool, Dialect dialect, EngineOptions options, String description) {
        this.dataSource = ds;
        this.pool = pool;
        this.options = options;
        this.echoLog = new EchoLog(options);
        // echo is one listener; DEBUG logging of statements is decided when the engine is created
        if (echoLog.on()) addExecutionListener(echoLog);
        this.unclosed = new UnclosedConnections(this, options.leakDetectionThreshold() != null);
        this.statementTimeoutMillis = millis(options.statementTimeout());
        this.cache = new StatementCache(options.statementCacheSize());
        this.description = description;
        this.dialect = dialect;
    }

    /** An engine for a SQLAlchemy-style URL ({@code sqlite:///app.db}, {@code postgresql://u@h/db}) or a JDBC URL. */
    public static Engine create(String url) { return create(url, EngineOptions.defaults()); }

    public static Engine create(String url, EngineOptions options) {
        java.util.Objects.requireNonNull(url, "url");
        java.util.Objects.requireNonNull(options, "options");
        DatabaseUrl parsed = DatabaseUrl.parse(url);
        DialectProvider provider = findProvider(parsed);
        DialectProvider.ConnectionSpec spec = provider.resolve(parsed);
        HikariConfig hc = new HikariConfig();
        hc.setJdbcUrl(spec.jdbcUrl());
        if (spec.user() != null) hc.setUsername(spec.user());
        if (spec.password() != null) hc.setPassword(spec.password());
        spec.properties().forEach(hc::addDataSourceProperty);
        if (options.socketTimeout() != null) spec.dialect().socketTimeoutProperties(options.socketTimeout()).forEach(hc::addDataSourceProperty);
        options.driverProperties().forEach(hc::addDataSourceProperty);
        hc.setAutoCommit(false);
        hc.setConnectionTimeout(options.connectionTimeout().toMillis());
        if (options.leakDetectionThreshold() != null) hc.setLeakDetectionThreshold(options.leakDetectionThreshold().toMillis());
        hc.setPoolName("athanor-" + parsed.scheme());
        if (options.isolationLevel() != null) hc.setTransactionIsolation("TRANSACTION_" + options.isolationLevel().name());
        if (spec.pool() == DialectProvider.PoolShape.SINGLE_PERSISTENT) {
            // An in-memory SQLite database lives exactly as long as its one connection.
            hc.setMaximumPoolSize(1);
            hc.setMinimumIdle(1);
            hc.setMaxLifetime(0);
            hc.setIdleTimeout(0);
        } else {
            hc.setMaximumPoolSize(options.poolSize());
            hc.setMinimumIdle(Math.min(2, options.poolSize()));
        }
        HikariDataSource ds;
        try {
            ds = new HikariDataSource(hc);
        } catch (RuntimeException e) {
            throw new ConfigurationError("cannot connect to " + parsed + " (" + spec.dialect().name() + "): "
                    + rootMessage(e), e);
        }
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

    private static String rootMessage(Throwable t) {
        while (t.getCause() != null) t = t.getCause();
        return t.getMessage();
    }

    static DialectProvider findProvider(DatabaseUrl url) {
        List<DialectProvider> providers = new ArrayList<>();
        ServiceLoader.load(DialectProvider.class, Engine.class.getClassLoader()).forEach(providers::add);
        TreeSet<String> known = new TreeSet<>();
        for (DialectProvider p : providers) {
            if (url.jdbc()) {
                for (String prefix : p.jdbcPrefixes()) if (url.original().startsWith(prefix)) return p;
            } else if (p.schemes().contains(url.scheme())) {
                return p;
            }
            known.addAll(p.schemes());
        }
        // dialects register themselves (META-INF/services DialectProvider): core names none of them
        throw new ConfigurationError("no dialect on the classpath handles the URL scheme '" + url.scheme() + "' of " + url
                + ": add the Athanor dialect module for that database; the dialects present handle "
                + (known.isEmpty() ? "nothing (no dialect module on the classpath)" : known));
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

    /** Connections this engine has handed out and that are not closed yet (see {@link #connectionsInUse()}). */
    final java.util.concurrent.atomic.AtomicInteger inUse = new java.util.concurrent.atomic.AtomicInteger();

    /**
     * How many {@link Connection}s of this engine are checked out now (opened and not yet closed, or
     * reclaimed unclosed by the garbage collector): what a least-busy choice between engines compares
     * (see {@link org.athanor.core.routing.RoutingEngine}).
     */
    public int connectionsInUse() { return inUse.get(); }

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
            java.sql.Connection c = checkout();
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
                Connection conn = new Connection(this, c, null, new OpenStatements(KEPT_PER_CONNECTION));
                inUse.incrementAndGet();
                transaction(TransactionEvent.BEGIN, conn);
                return conn;
            }
            java.sql.Connection physical = c.unwrap(java.sql.Connection.class);
            OpenStatements o = keptStatements(physical);
            if (o == null) { // a physical connection this engine has not seen: the dialect's session settings first
                try {
                    dialect.onConnect(physical);
                } catch (SQLException | RuntimeException e) {
                    release(c, physical, true);
                    throw e;
                }
                o = keep(physical);
            }
            // statements kept across checkouts, or (where the dialect leaves caching to the driver) for this one only
            Connection conn = dialect.keepsPreparedStatements() ? new Connection(this, c, physical, o)
                    : new Connection(this, c, null, new OpenStatements(KEPT_PER_CONNECTION));
            inUse.incrementAndGet();
            transaction(TransactionEvent.BEGIN, conn);
            return conn;
        } catch (java.sql.SQLTransientConnectionException e) {
            if (pool == null) throw dialect.translate(e, null);
            throw poolTimeout(e);
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

    private org.athanor.core.error.ResourceClosedError closedEngine() {
        return new org.athanor.core.error.ResourceClosedError(this + " is closed: create a new Engine to connect again");
    }

    /**
     * Threads waiting inside this engine's own pool for a connection. HikariCP does not wake them when
     * it shuts down (each would wait out its connection timeout), so {@link #close()} interrupts them.
     * Per engine, lock-free: one add and one remove per checkout.
     */
    private final java.util.Set<Thread> waiting = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** One connection from the DataSource; a checkout that {@link #close()} ended raises a ResourceClosedError. */
    private java.sql.Connection borrow() throws SQLException {
        if (pool == null) return dataSource.getConnection();
        Thread me = Thread.currentThread();
        waiting.add(me);
        java.sql.Connection c;
        try {
            c = dataSource.getConnection();
        } catch (SQLException e) {
            if (!closed) throw e;
            Thread.interrupted(); // the interrupt was close()'s, not the caller's
            throw closedEngine();
        } finally {
            waiting.remove(me);
        }
        if (closed) { // close() ran while this checkout completed: its interrupt, if any, was ours too
            Thread.interrupted();
            closeQuietly(c);
            throw closedEngine();
        }
        return c;
    }

    /**
     * A connection from the DataSource; with {@link EngineOptions#prePing()}, one that answered a
     * validation round trip (dead ones are evicted and replaced, up to the pool's size plus one).
     */
    private java.sql.Connection checkout() throws SQLException {
        java.sql.Connection c = borrow();
        if (!options.prePing()) return c;
        int tries = pool == null ? 1 : pool.getMaximumPoolSize() + 1;
        for (int i = 0; ; i++) {
            if (isAlive(c)) return c;
            if (pool != null) pool.evictConnection(c);
            else closeQuietly(c);
            LOG.info("pre-ping: a dead pooled connection was replaced before use ({})", description);
            if (i + 1 >= tries) return borrow(); // a fresh one from the pool: its failure is the real error
            c = borrow();
        }
    }

    private static boolean isAlive(java.sql.Connection c) {
        try {
            return c.isValid(5);
        } catch (SQLException e) {
            return false;
        }
    }

    private static void closeQuietly(java.sql.Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // already dead: pre-ping found it so
        }
    }

    /** HikariCP's "request timed out" as a {@link org.athanor.core.error.PoolTimeoutError} with the pool's figures. */
    private org.athanor.core.error.PoolTimeoutError poolTimeout(java.sql.SQLTransientConnectionException e) {
        var mx = pool.getHikariPoolMXBean();
        int size = pool.getMaximumPoolSize();
        int active = mx == null ? -1 : mx.getActiveConnections();
        int waiting = mx == null ? -1 : mx.getThreadsAwaitingConnection() + 1;
        long timeout = pool.getConnectionTimeout();
        Throwable cause = e.getCause();
        String msg = "no connection became free in " + timeout + " ms from the pool of " + description + " (size " + size + ", "
                + active + " in use, " + (mx == null ? "?" : mx.getIdleConnections()) + " idle, " + waiting + " waiting): "
                + (cause != null ? "connecting failed: " + cause.getMessage()
                        : "close connections sooner (try-with-resources), raise EngineOptions.poolSize, or find leaks with "
                        + "EngineOptions.leakDetectionThreshold");
        return new org.athanor.core.error.PoolTimeoutError(msg, e, size, active, waiting, timeout);
    }

    UnclosedConnections unclosedConnections() { return unclosed; }

    /** The statement timeout of this engine's statements in milliseconds, 0 for none. */
    int statementTimeoutMillis() { return statementTimeoutMillis; }

    /** Same as {@link #connect()}: the transaction begins at once and is rolled back on close unless committed. */
    public Connection begin() { return connect(); }

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

    /** The kept statements of a physical connection, or null for one not seen before (see {@link #keep}). */
    private OpenStatements keptStatements(java.sql.Connection physical) { return keptView.get(physical); }

    /** Publishes kept's current entries to the checkouts; called with the lock on kept held. */
    private void publishKept() { keptView = new java.util.IdentityHashMap<>(kept); }

    /** Starts keeping statements for a new physical connection; those of connections the pool has closed are let go. */
    private OpenStatements keep(java.sql.Connection physical) throws SQLException {
        synchronized (kept) {
            if (kept.size() >= pool.getMaximumPoolSize()) {
                var it = kept.keySet().iterator();
                while (it.hasNext()) if (it.next().isClosed()) it.remove();
            }
            OpenStatements o = new OpenStatements(KEPT_PER_CONNECTION);
            kept.put(physical, o);
            publishKept();
            return o;
        }
    }

    /**
     * How many prepared statements this engine keeps open across checkouts, over all its pooled
     * connections (0 for an engine over a DataSource it was given, whose statements close with each
     * checkout). Read while connections are in use, it is approximate.
     */
    public int keptStatements() {
        synchronized (kept) {
            int n = 0;
            for (OpenStatements o : kept.values()) n += o.size();
            return n;
        }
    }

    void release(java.sql.Connection c, java.sql.Connection physical, boolean broken) {
        if (single) singleHolder = null;
        if (broken && physical != null) {
            OpenStatements o;
            synchronized (kept) {
                o = kept.remove(physical);
                publishKept();
            }
            if (o != null) try {
                o.closeAll();
            } catch (SQLException ignored) {
                // the connection is going: its statements go with it
            }
        }
        try {
            if (broken && pool != null) pool.evictConnection(c);
            else c.close();
        } catch (SQLException e) {
            LOG.warn("closing a connection failed: {}", e.getMessage());
        }
    }

    // ---- compiling with the cache --------------------------------------------------------------------

    /** A compiled template with the statement's canonical parameters. */
    record Prepared(CompiledTemplate template, Param<?>[] params, boolean cached) {}

    Prepared prepare(SqlNode statement) { return compileCached(statement, null); }

    /** With the values of named parameters given at execution (null: none). */
    Prepared prepare(SqlNode statement, Map<String, ?> named) { return compileCached(statement, named); }

    /**
     * The value given at execution for a named parameter; an error naming it when none was (the
     * message says how to give one).
     */
    static Object namedValue(Param<?> p, Map<String, ?> named, String sql) {
        if (named != null) {
            Object v = named.get(p.name());
            if (v != null || named.containsKey(p.name())) {
                if (v instanceof java.util.Collection<?>)
                    throw new IllegalArgumentException("a list was given for :" + p.name() + ", but only the single parameter of an "
                            + "IN expands to a list: col.in(bindParam(\"" + p.name() + "\", type)); in: " + sql);
                return v;
            }
        }
        throw new IllegalArgumentException("parameter :" + p.name() + " has no value: give it at execution, "
                + "conn.execute(statement, Map.of(\"" + p.name() + "\", value)), or per set with executeMany; in: " + sql);
    }

    /** The values {@code p} binds, in placeholder order: for listeners, built only when one is registered. */
    static List<Object> values(Prepared p, Map<String, ?> named) {
        CompiledTemplate t = p.template();
        List<Object> values = new ArrayList<>(t.slotCount());
        for (int i = 0; i < t.slotCount(); i++) {
            Param<?> param = p.params()[t.slot(i)];
            values.add(param.name() != null && named != null ? named.get(param.name()) : param.value());
        }
        return values;
    }

    org.athanor.core.internal.bulk.Binders binders() { return binders; }

    /**
     * Compiles through the cache without telling listeners or logging: for callers that run the
     * template several times and report each execution themselves (insertMany's chunks).
     */
    Prepared compileCached(SqlNode statement) { return compileCached(statement, null); }

    Prepared compileCached(SqlNode statement, Map<String, ?> named) {
        KeyCollector key = new KeyCollector();
        if (named != null) key.named(named);
        statement.key(key);
        // a statement holding a node without a cache key (an Extension that does not override key())
        // is compiled every time: a guessed key could serve another instance's SQL
        CompiledTemplate t = key.cacheable() ? cache.get(key.lookupKey()) : null;
        boolean cached = t != null;
        if (t == null) {
            // over the bind-parameter limit, expanding IN lists are bound as one parameter each: never cached
            if (key.paramCount() > dialect.features().maxBindParams()) t = CompiledTemplate.of(dialect.compileOverBindLimit(statement, key));
            else {
                t = CompiledTemplate.of(dialect.compileTemplate(statement, key));
                if (!dialect.fitsBindLimit(t)) t = CompiledTemplate.of(dialect.compileOverBindLimit(statement, key));
                else if (key.cacheable()) cache.put(key.storedKey(), t);
            }
        }
        // after compiling: the parameters inside a node without a key are met only while rendering
        key.checkNamedUsed(statement);
        return new Prepared(t, key.params(), cached);
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
    public synchronized void addExecutionListener(ExecutionListener listener) {
        java.util.Objects.requireNonNull(listener, "listener");
        ExecutionListener[] now = executionListeners;
        ExecutionListener[] next = now == null ? new ExecutionListener[1] : java.util.Arrays.copyOf(now, now.length + 1);
        next[next.length - 1] = listener;
        executionListeners = next;
    }

    /** Removes a listener added with {@link #addExecutionListener} (by equality); nothing when it is not there. */
    public synchronized void removeExecutionListener(ExecutionListener listener) {
        ExecutionListener[] now = executionListeners;
        if (now == null) return;
        for (int i = 0; i < now.length; i++) {
            if (now[i].equals(listener)) {
                ExecutionListener[] next = new ExecutionListener[now.length - 1];
                System.arraycopy(now, 0, next, 0, i);
                System.arraycopy(now, i + 1, next, i, now.length - i - 1);
                executionListeners = next.length == 0 ? null : next;
                return;
            }
        }
    }

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
    boolean observed() { return executionListeners != null; }

    /**
     * The announce half of the one choke point every execution goes through: builds the event and
     * tells the listeners; null (nothing built, no clock read) when none is registered.
     */
    ExecutionEvent started(Connection c, String sql, List<List<Object>> sets, boolean cached, boolean literal, boolean batch) {
        ExecutionListener[] ls = executionListeners;
        if (ls == null) return null;
        ExecutionEvent e = new ExecutionEvent(ls, c, sql, sets, cached, literal, batch, options.hideParameters());
        for (ExecutionListener l : ls) l.started(e);
        return e;
    }

    /** The finish half: rows (or -1) and the error, told once to the listeners that saw it start. */
    void finished(ExecutionEvent e, long rows, RuntimeException error) {
        if (e == null || !e.finish(rows, error)) return;
        for (ExecutionListener l : e.listeners()) l.finished(e);
    }

    /** A transaction boundary on {@code c}. */
    void transaction(TransactionEvent event, Connection c) {
        ExecutionListener[] ls = executionListeners;
        if (ls == null) return;
        for (ExecutionListener l : ls) l.transaction(event, c);
    }

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
        for (Thread t : waiting) t.interrupt(); // see waiting: HikariCP leaves them parked until their timeout
        // The pool "aborts" connections still checked out, but sqlite-jdbc's abort() does nothing: such
        // a connection would go on writing to (and locking) the file. Every physical connection the
        // pool ever lent is a key of kept, so close them all; closing a closed one does nothing.
        List<java.sql.Connection> physical;
        synchronized (kept) {
            physical = new ArrayList<>(kept.keySet());
            kept.clear();
            publishKept();
        }
        for (java.sql.Connection c : physical) {
            try {
                c.close();
            } catch (SQLException e) {
                LOG.warn("closing a connection of {} failed: {}", this, e.getMessage());
            }
        }
    }

    @Override public String toString() { return "Engine(" + description + ")"; }
}
