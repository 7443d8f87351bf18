package org.athanor.core.engine;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.athanor.core.internal.compile.CompiledTemplate;
import org.athanor.core.dialect.ConsecutiveKeys;
import org.athanor.core.dialect.Dialect;
import org.athanor.core.error.DatabaseError;
import org.athanor.core.error.DisconnectionError;
import org.athanor.core.error.ResourceClosedError;
import org.athanor.core.schema.Column;
import org.athanor.core.sql.Dml;
import org.athanor.core.sql.Insert;
import org.athanor.core.sql.Param;
import org.athanor.core.sql.Query;
import org.athanor.core.sql.Row;
import org.athanor.core.sql.Select;
import org.athanor.core.sql.Statement;
import org.athanor.core.type.ValueCodec;

/**
 * A pooled database connection with a transaction always open (SQLAlchemy 2.0's autobegin):
 * {@link #commit()} makes work permanent, {@link #close()} rolls back whatever was not committed
 * and returns the connection to the pool.
 *
 * <pre>{@code
 * try (Connection c = engine.connect()) {
 *     c.execute(insert(USERS).set(USERS.NAME, "Alice"));
 *     List<Tuple1<String>> names = c.execute(select(USERS.NAME)).all();
 *     c.commit();
 * }
 * }</pre>
 *
 * A connection is for one thread at a time.
 */
public final class Connection implements AutoCloseable {
    private final Engine engine;
    private final java.sql.Connection jdbc;
    /** Something ran since the transaction began: close() rolls it back. */
    private boolean dirty;
    /** A write ran since the transaction began (see {@link #writing()}). */
    private boolean wrote;
    /** Results of this connection not closed yet (their statements are mid-read). */
    int openResults;
    /** The dialect's {@link org.athanor.core.dialect.DialectFeatures#beginOnFirstWrite()}, read once per checkout. */
    private final boolean beginOnFirstWrite;
    /**
     * Checked first by every method: a closed connection's JDBC connection is back in the pool and
     * may be serving another Connection, so nothing may run on it. A plain field, not volatile: a
     * connection is used by one thread at a time (see {@link #checkOpen()} for the engine's flag).
     */
    private boolean closed;
    private boolean broken;
    /**
     * Statements reused by later executions of the same SQL (see {@link OpenStatements}): the
     * physical connection's own, kept across checkouts, when the engine owns the pool; else this
     * checkout's, closed with it.
     */
    private final OpenStatements open;
    /** The physical connection the kept statements belong to (they are prepared on it), or null. */
    private final java.sql.Connection physical;
    /** Statements handed out (taken from {@link #open} or prepared) and not given back yet. */
    private PreparedStatement[] lent = new PreparedStatement[4];
    private int lentCount;

    /** Returns the JDBC connection if this one is collected unclosed (see {@link UnclosedConnections}). */
    private final UnclosedConnections.Handle unclosed;

    Connection(Engine engine, java.sql.Connection jdbc, java.sql.Connection physical, OpenStatements open) {
        this.engine = engine;
        this.jdbc = jdbc;
        this.physical = physical;
        this.open = open;
        this.beginOnFirstWrite = engine.dialect().features().beginOnFirstWrite();
        this.unclosed = engine.unclosedConnections().watch(this, jdbc, physical);
    }

    /**
     * Refuses use after {@link #close()} or after the engine was closed. Called first by every public
     * method; a plain field and a volatile one (the engine is closed from another thread), no lock.
     */
    private void checkOpen() {
        if (closed || engine.closed) throw closedError();
    }

    /** Whether this connection can still be used (neither it nor its engine closed). */
    boolean usable() { return !closed && !engine.closed; }

    ResourceClosedError closedError() {
        return new ResourceClosedError(closed
                ? "this Connection is closed: close() gave its JDBC connection back to the pool, where another Connection may be "
                        + "using it now; get a new one with engine.connect()"
                : "the " + engine + " this Connection came from is closed, and its connections with it; create a new Engine");
    }

    /** Whether a query only reads (a SELECT, set operation or WITH around one); text() may write, so it counts as a write. */
    private static boolean isRead(Query<?> query) {
        if (query instanceof org.athanor.core.sql.WithQuery<?> w) return isRead(w.body());
        return query instanceof Select<?> || query instanceof org.athanor.core.sql.CompoundSelect<?>;
    }

    /** A read is about to run in the current transaction. */
    private void reading() { dirty = true; }

    /**
     * A write is about to run. Where the dialect {@linkplain org.athanor.core.dialect.DialectFeatures#beginOnFirstWrite()
     * asks for it} (SQLite), a transaction that has only read so far is ended first (rolled back:
     * there is nothing in it to keep), so that the write starts a new transaction on the latest
     * committed data. SQLite in WAL mode cannot turn a read snapshot into a write transaction once
     * another connection has committed after it (SQLITE_BUSY_SNAPSHOT, which no busy timeout
     * waits out); a transaction whose first statement writes waits for the write lock instead. Not
     * while a result of this connection is still open: ending the transaction would abort its read
     * (the write then upgrades the snapshot as before).
     */
    private void writing() {
        if (!wrote) {
            if (beginOnFirstWrite && dirty && openResults == 0) {
                // logged like any other transaction boundary: the reads' transaction ends, a new one begins
                engine.transaction(TransactionEvent.ROLLBACK, this);
                try {
                    jdbc.rollback();
                } catch (SQLException e) {
                    throw translate(e, "ROLLBACK (ending the read-only start of the transaction before its first write)");
                }
                engine.transaction(TransactionEvent.BEGIN, this);
            }
            wrote = true;
        }
        dirty = true;
    }

    public Engine engine() {
        checkOpen();
        return engine;
    }

    public Dialect dialect() {
        checkOpen();
        return engine.dialect();
    }

    /**
     * The underlying JDBC connection, for what Athanor does not cover. Do not close it. What runs on
     * it is unseen here, so the transaction counts as written from now on: the read-only start that
     * {@link #writing()} ends before a first write (SQLite) is never rolled back over work done
     * through this connection.
     */
    public java.sql.Connection jdbc() {
        checkOpen();
        wrote = true;
        dirty = true;
        return jdbc;
    }

    // ---- executing -----------------------------------------------------------------------------------

    /** Runs a query (SELECT, DML with RETURNING, text) and returns its rows, read lazily. */
    public <R> Result<R> execute(Query<R> query) {
        checkOpen();
        return execute(query, RowReaders.of(java.util.Objects.requireNonNull(query, "query").rowKind()));
    }

    /** Runs a query with a custom row reader (used by the ORM to build entities). */
    public <R> Result<R> execute(Query<?> query, RowReader<R> reader) {
        checkOpen();
        return run(query, null, reader, false);
    }

    /**
     * Runs a query with the values of its named parameters ({@code Sql.bindParam(name, type)}); a
     * list given for the single parameter of an IN expands to one placeholder per item (SQLAlchemy's
     * expanding bindparam; lists of similar length share one cached statement, and an empty list is
     * an empty IN). A name the statement does not have is an error.
     * <pre>{@code
     * var q = select(USERS.NAME).where(USERS.ID.in(bindParam("ids", BIGINT)), USERS.AGE.gt(bindParam("age", INTEGER)));
     * conn.execute(q, Map.of("ids", List.of(1L, 2L, 3L), "age", 30)).all();
     * }</pre>
     */
    public <R> Result<R> execute(Query<R> query, Map<String, ?> parameters) {
        checkOpen();
        java.util.Objects.requireNonNull(query, "query");
        return run(query, java.util.Objects.requireNonNull(parameters, "parameters"), RowReaders.of(query.rowKind()), false);
    }

    /**
     * Runs a query whose rows are fetched from the server as they are read, not all at once: a
     * server-side cursor on PostgreSQL, a streaming result set on MySQL/MariaDB (the dialect sets the
     * statement up, see {@link Dialect#configureStreaming}). Memory stays flat however many rows come
     * back; read them with {@code stream()}, {@code partitions(n)} or the iterator, and close the
     * result before running anything else on this connection (MySQL allows nothing else meanwhile).
     * <pre>{@code
     * try (Result<Row> r = conn.stream(selectFrom(EVENTS))) {
     *     r.partitions(1000).forEach(batch -> process(batch));
     * }
     * }</pre>
     */
    public <R> Result<R> stream(Query<R> query) {
        checkOpen();
        return run(query, null, RowReaders.of(java.util.Objects.requireNonNull(query, "query").rowKind()), true);
    }

    /** {@link #stream(Query)} with a custom row reader. */
    public <R> Result<R> stream(Query<?> query, RowReader<R> reader) {
        checkOpen();
        return run(query, null, reader, true);
    }

    private <R> Result<R> run(Query<?> query, Map<String, ?> named, RowReader<R> reader, boolean streaming) {
        checkOpen();
        java.util.Objects.requireNonNull(query, "query");
        java.util.Objects.requireNonNull(reader, "reader");
        // before prepare, which echoes the statement: a rollback writing() runs is logged before it
        if (isRead(query)) reading();
        else writing();
        Engine.Prepared p = engine.prepare(query, named);
        ExecutionEvent ev = engine.observed() ? announce(p.template().sql(), Engine.values(p, named), p.cached()) : null;
        PreparedStatement ps = null;
        boolean started = false;
        try {
            ps = statement(p.template().sql());
            // statements are reused: set the fetch size every time so a streaming setup never leaks
            if (streaming) dialect().configureStreaming(jdbc, ps);
            else ps.setFetchSize(engine.options().fetchSize());
            bind(ps, p.template(), p.params(), named);
            ResultSet rs;
            int timeout = armTimeout(ps);
            try {
                if (query instanceof Select<?>) rs = ps.executeQuery();
                else rs = ps.execute() ? ps.getResultSet() : null;
            } finally {
                disarmTimeout(ps, timeout);
            }
            engine.finished(ev, -1, null); // a query's rows are read as the result streams
            CompiledTemplate t = p.template();
            if (rs != null && t.resultCount() == 0) t = t.describedBy(rs.getMetaData()); // text(): columns known only now
            Result<R> result = new Result<>(this, ps, rs, t, reader);
            started = true;
            return result;
        } catch (SQLException e) {
            throw failed(ev, translate(e, p.template().sql()));
        } catch (RuntimeException e) {
            throw failed(ev, e);
        } finally {
            if (!started) discard(ps);
        }
    }

    /**
     * Runs a one-column query and returns the first row's value (null when there is none), typed
     * from the query: {@code Long n = conn.scalar(select(count()).from(USERS))}. For text() and other
     * untyped queries use {@code execute(q).scalar(type)}.
     */
    @SuppressWarnings("unchecked")
    public <T> T scalar(Query<io.vavr.Tuple1<T>> query) {
        checkOpen();
        java.util.Objects.requireNonNull(query, "query");
        // the first column is read by the codec of the query's own expression, so it is a T
        return (T) execute(query).scalar();
    }

    /** Runs INSERT, UPDATE or DELETE; returns the number of rows affected. */
    public int execute(Dml statement) {
        checkOpen();
        return executeDml(statement, null);
    }

    /** {@link #execute(Dml)} with the values of its named parameters (see {@link #execute(Query, Map)}). */
    public int execute(Dml statement, Map<String, ?> parameters) {
        checkOpen();
        return executeDml(statement, java.util.Objects.requireNonNull(parameters, "parameters"));
    }

    private int executeDml(Dml statement, Map<String, ?> parameters) {
        checkOpen();
        java.util.Objects.requireNonNull(statement, "statement");
        writing(); // before prepare, which echoes the statement
        Engine.Prepared p = engine.prepare(statement, parameters);
        ExecutionEvent ev = engine.observed() ? announce(p.template().sql(), Engine.values(p, parameters), p.cached()) : null;
        try {
            int n = executeUpdate(p.template().sql(), ps -> {
                bind(ps, p.template(), p.params(), parameters);
                return true;
            });
            engine.finished(ev, n, null);
            return n;
        } catch (RuntimeException e) {
            throw failed(ev, e);
        }
    }

    /**
     * Runs a query that is cancelled with a {@link org.athanor.core.error.StatementTimeoutError} if it
     * runs longer than {@code timeout} (instead of {@link EngineOptions#statementTimeout()}).
     * <pre>{@code
     * List<Row> rows = conn.execute(report, Duration.ofSeconds(5)).all();
     * }</pre>
     */
    public <R> Result<R> execute(Query<R> query, java.time.Duration timeout) {
        checkOpen();
        int was = callTimeout;
        callTimeout = timeoutMillis(timeout);
        try {
            return execute(query);
        } finally {
            callTimeout = was;
        }
    }

    /** {@link #execute(Dml)} cancelled past {@code timeout}, like {@link #execute(Query, java.time.Duration)}. */
    public int execute(Dml statement, java.time.Duration timeout) {
        checkOpen();
        int was = callTimeout;
        callTimeout = timeoutMillis(timeout);
        try {
            return execute(statement);
        } finally {
            callTimeout = was;
        }
    }

    /** {@link #execute(Query, Map)} cancelled past {@code timeout}, like {@link #execute(Query, java.time.Duration)}. */
    public <R> Result<R> execute(Query<R> query, Map<String, ?> parameters, java.time.Duration timeout) {
        checkOpen();
        int was = callTimeout;
        callTimeout = timeoutMillis(timeout);
        try {
            return execute(query, parameters);
        } finally {
            callTimeout = was;
        }
    }

    /** {@link #execute(Dml, Map)} cancelled past {@code timeout}, like {@link #execute(Query, java.time.Duration)}. */
    public int execute(Dml statement, Map<String, ?> parameters, java.time.Duration timeout) {
        checkOpen();
        int was = callTimeout;
        callTimeout = timeoutMillis(timeout);
        try {
            return execute(statement, parameters);
        } finally {
            callTimeout = was;
        }
    }

    private static int timeoutMillis(java.time.Duration timeout) {
        java.util.Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) throw new IllegalArgumentException("timeout must be positive, got " + timeout);
        return Engine.millis(timeout);
    }

    /** The timeout of the current call in milliseconds, or -1 for the engine's. */
    private int callTimeout = -1;

    /**
     * Just before {@code st} runs: lets the dialect bring the driver in step with the session
     * ({@link Dialect#beforeExecute}), and arms the timeout in force; returns it in milliseconds (0:
     * none, nothing armed).
     */
    private int armTimeout(java.sql.Statement st) throws SQLException {
        dialect().beforeExecute(physical != null ? physical : jdbc);
        int ms = callTimeout >= 0 ? callTimeout : engine.statementTimeoutMillis();
        if (ms > 0) dialect().armStatementTimeout(physical != null ? physical : jdbc, st, ms);
        return ms;
    }

    /** Disarms what {@link #armTimeout} armed: kept statements must not carry it into later executions. */
    private void disarmTimeout(java.sql.Statement st, int ms) {
        if (ms <= 0) return;
        try {
            dialect().disarmStatementTimeout(physical != null ? physical : jdbc, st);
        } catch (SQLException e) {
            broken = true; // a statement or connection that cannot be reset is not handed out again
        }
    }

    /**
     * Tells the listeners a single statement is about to run (the announce half of the one choke
     * point; {@link Engine#finished} is the other). Callers check {@link Engine#observed()} first, so
     * that the values are built only when someone listens.
     */
    private ExecutionEvent announce(String sql, List<Object> values, boolean cached) {
        List<List<Object>> sets = new ArrayList<>(1);
        sets.add(values);
        return engine.started(this, sql, sets, cached, false, false);
    }

    /** Reports {@code e} as the end of {@code ev} (nothing when null or already reported) and returns it to be thrown. */
    private RuntimeException failed(ExecutionEvent ev, RuntimeException e) {
        if (ev != null) engine.finished(ev, -1, e);
        return e;
    }

    /** Binds the values of one execution. */
    private interface Binding {
        /** Binds the statement's parameters; false when it is not to run after all. */
        boolean bind(PreparedStatement ps) throws SQLException;
    }

    /**
     * Prepares (or reuses) {@code sql}, binds, runs it for its row count, and keeps the statement for
     * reuse; -1, with nothing run and the statement kept, when {@code binding} declines.
     */
    private int executeUpdate(String sql, Binding binding) {
        return withStatement(sql, ps -> {
            if (!binding.bind(ps)) return -1;
            writing();
            return ps.executeUpdate();
        });
    }

    /** What runs on a statement {@link #withStatement} lends. */
    private interface StatementWork<T> {
        T run(PreparedStatement ps) throws SQLException;
    }

    /**
     * Runs {@code work} on a kept (or newly prepared) statement for {@code sql} and keeps the
     * statement for reuse; one whose work failed is closed instead.
     */
    private <T> T withStatement(String sql, StatementWork<T> work) {
        PreparedStatement ps = null;
        boolean done = false;
        int timeout = 0;
        try {
            ps = statement(sql);
            timeout = armTimeout(ps);
            T result = work.run(ps);
            done = true;
            return result;
        } catch (SQLException e) {
            throw translate(e, sql);
        } finally {
            if (ps != null) disarmTimeout(ps, timeout);
            // a statement that failed is not reused: its state after an error is the driver's business
            if (done) release(sql, ps);
            else discard(ps);
        }
    }

    /** Runs any statement for its effect (DDL through {@code text(...)}, DML). */
    public void executeStatement(Statement statement) {
        checkOpen();
        java.util.Objects.requireNonNull(statement, "statement");
        writing(); // before prepare, which echoes the statement
        Engine.Prepared p = engine.prepare(statement);
        ExecutionEvent ev = engine.observed() ? announce(p.template().sql(), Engine.values(p, null), p.cached()) : null;
        try (PreparedStatement ps = jdbc.prepareStatement(p.template().sql())) {
            bind(ps, p.template(), p.params(), null);
            int timeout = armTimeout(ps);
            long rows;
            try {
                rows = ps.execute() ? -1 : ps.getUpdateCount();
            } finally {
                disarmTimeout(ps, timeout);
            }
            engine.finished(ev, rows, null);
        } catch (SQLException e) {
            throw failed(ev, translate(e, p.template().sql()));
        } catch (RuntimeException e) {
            throw failed(ev, e);
        }
    }

    /** Runs literal SQL with no parameters (DDL). */
    public void executeSql(String sql) {
        checkOpen();
        java.util.Objects.requireNonNull(sql, "sql");
        writing(); // before the echo: a rollback it runs is logged first
        ExecutionEvent ev = engine.started(this, sql, List.of(), false, true, false);
        try (java.sql.Statement st = jdbc.createStatement()) {
            int timeout = armTimeout(st);
            long rows;
            try {
                rows = st.execute(sql) ? -1 : st.getUpdateCount();
            } finally {
                disarmTimeout(st, timeout);
            }
            engine.finished(ev, rows, null);
        } catch (SQLException e) {
            throw failed(ev, translate(e, sql));
        } catch (RuntimeException e) {
            throw failed(ev, e);
        }
    }

    /**
     * Inserts and returns the generated values of {@code key}, one per inserted row, in row order:
     * through RETURNING where the database has it, else through JDBC generated keys.
     */
    public <K> List<K> insertReturningKeys(Insert insert, Column<K> key) {
        checkOpen();
        java.util.Objects.requireNonNull(insert, "insert");
        java.util.Objects.requireNonNull(key, "key");
        if (dialect().features().supportsReturning()) {
            List<K> out = new ArrayList<>();
            try (Result<Row> r = execute(insert.returning(key))) {
                for (Row row : r) out.add(key.type().cast(row.get(0)));
            }
            return out;
        }
        if (!dialect().features().multiRowGeneratedKeys() && insert.select() == null && insert.rows().size() > 1) {
            // the driver reports one key for a multi-row INSERT (SQLite: the last rowid): insert row by row
            List<K> out = new ArrayList<>(insert.rows().size());
            Column<?>[] cols = insert.columns().toArray(Column<?>[]::new);
            for (List<org.athanor.core.sql.Expression<?>> row : insert.rows()) {
                Insert single = org.athanor.core.sql.Sql.insert(insert.table()).columns(cols).values(row.toArray());
                if (insert.onConflictClause() != null) single = single.withOnConflict(insert.onConflictClause());
                out.addAll(insertReturningKeys(single, key));
            }
            return out;
        }
        writing(); // before prepare, which echoes the statement
        Engine.Prepared p = engine.prepare(insert);
        ExecutionEvent ev = engine.observed() ? announce(p.template().sql(), Engine.values(p, null), p.cached()) : null;
        try (PreparedStatement ps = jdbc.prepareStatement(p.template().sql(), new String[] {key.name()})) {
            bind(ps, p.template(), p.params(), null);
            armTimeout(ps); // a statement of its own, closed after: nothing to disarm
            engine.finished(ev, ps.executeUpdate(), null);
            List<K> out = new ArrayList<>();
            ValueCodec<K> codec = dialect().codec(key.type());
            try (ResultSet rs = ps.getGeneratedKeys()) {
                while (rs.next()) out.add(codec.read(rs, 1));
            }
            return out;
        } catch (SQLException e) {
            throw failed(ev, translate(e, p.template().sql()));
        } catch (RuntimeException e) {
            throw failed(ev, e);
        }
    }

    /**
     * executemany: runs {@code template} once per parameter set as one JDBC batch. The template's
     * named parameters ({@code Sql.bindParam("name", type)}) take their values from each map.
     * Returns the total row count (or -1 when the driver did not report counts).
     */
    public long executeMany(Dml template, List<? extends Map<String, ?>> parameterSets) {
        checkOpen();
        return executeMany(template, (Iterable<? extends Map<String, ?>>) parameterSets);
    }

    /**
     * executemany over parameter sets produced lazily (a stream's iterator, a generator): memory holds
     * one JDBC batch of 1,000 sets at a time, however many there are.
     */
    public long executeMany(Dml template, Iterable<? extends Map<String, ?>> parameterSets) {
        checkOpen();
        java.util.Objects.requireNonNull(template, "template");
        java.util.Objects.requireNonNull(parameterSets, "parameterSets");
        java.util.Iterator<? extends Map<String, ?>> it = parameterSets.iterator();
        if (!it.hasNext()) return 0;
        Engine.Prepared p = engine.prepare(template);
        CompiledTemplate t = p.template();
        // each parameter set becomes one row of values, one field per distinct name
        List<String> names = new ArrayList<>();
        SlotBinder binder = new SlotBinder(t, p.params(), param -> {
            if (param.name() == null) return null;
            int f = names.indexOf(param.name());
            if (f < 0) {
                f = names.size();
                names.add(param.name());
            }
            return new SlotBinder.Source(0, f);
        }, true);
        Object[][] row = new Object[1][names.size()];
        ExecutionEvent ev = null;
        int batch = 0;
        long total = 0;
        boolean unknown = false;
        long sets = 0;
        try (PreparedStatement ps = jdbc.prepareStatement(t.sql())) {
            writing();
            // one execution for the whole run: echo logs it when it ended, with the number of sets
            ev = engine.started(this, t.sql(), new ArrayList<>(EchoLog.SETS_SHOWN), p.cached(), false, true);
            // the timeout bounds each executeBatch (JDBC's query timeout); on SQLite, the whole run
            int timeout = armTimeout(ps);
            try {
            while (it.hasNext()) {
                Map<String, ?> set = it.next();
                sets++;
                for (int f = 0; f < row[0].length; f++) {
                    String name = names.get(f);
                    Object v = set.get(name);
                    if (v == null && !set.containsKey(name)) throw new IllegalArgumentException("executeMany: parameter set " + set.keySet()
                            + " has no value for :" + name + " in " + t.sql());
                    row[0][f] = v;
                }
                binder.bind(ps, row, 0);
                if (ev != null) ev.addSet(java.util.Arrays.asList(row[0].clone()), EchoLog.SETS_SHOWN);
                ps.addBatch();
                if (++batch == 1000) {
                    for (int c : ps.executeBatch()) { if (c >= 0) total += c; else unknown = true; }
                    batch = 0;
                }
            }
            if (batch > 0) for (int c : ps.executeBatch()) { if (c >= 0) total += c; else unknown = true; }
            } finally {
                disarmTimeout(ps, timeout);
            }
            engine.finished(ev, unknown ? -1 : total, null);
            return unknown ? -1 : total;
        } catch (SQLException e) {
            throw failed(ev, translate(e, t.sql()));
        } catch (RuntimeException e) {
            throw failed(ev, e);
        }
    }

    /**
     * Inserts many rows, each a column → value map, as multi-row INSERT ... VALUES statements sized
     * to stay under the dialect's bind-parameter limit (one row per statement where multi-row VALUES
     * is missing). All rows must name the same columns; columns with a client-side default that the
     * rows leave out are filled in. Returns the number of rows inserted.
     * <pre>{@code
     * conn.insertMany(insert(USERS), List.of(Insert.row(USERS.NAME, "a"), Insert.row(USERS.NAME, "b")));
     * }</pre>
     * The statement for a full chunk (and one for the last, shorter chunk) is compiled once through
     * the Engine's cache and kept prepared; each chunk's values are bound straight from the maps.
     */
    public long insertMany(Insert base, List<? extends Map<? extends Column<?>, ?>> rows) {
        checkOpen();
        java.util.Objects.requireNonNull(base, "insert");
        java.util.Objects.requireNonNull(rows, "rows");
        if (rows.isEmpty()) return 0;
        InsertPlan plan = InsertPlan.of(base, rows.get(0), dialect().features());
        if (plan == null) {
            // the statement path: values go through Insert nodes, chunked as conservatively as before
            int width = Math.max(1, rows.get(0).size() + base.table().columns().size());
            int maxRows = dialect().features().supportsMultiRowInsert()
                    ? Math.max(1, Math.min(1000, dialect().features().maxBindParams() / width)) : 1;
            long total = 0;
            for (int from = 0; from < rows.size(); from += maxRows)
                total += execute(base.values(rows.subList(from, Math.min(rows.size(), from + maxRows))));
            return total;
        }
        int per = plan.rowsPerStatement();
        SlotBinder full = null;
        ValueCodec<Object>[] direct = null; // full's codecs when its chunks can be bound from the maps in one pass
        boolean fromCache = true; // whether the chunk's template came from the Engine's cache, for the echo log
        long total = 0;
        for (int from = 0; from < rows.size(); from += per) {
            int to = Math.min(rows.size(), from + per);
            if (to - from == per && direct != null) {
                int n = executeChunk(full, fromMaps(plan, direct, rows, from, to), true);
                if (n >= 0) {
                    total += n;
                    continue;
                }
            }
            Object[][] values = plan.values(rows, from, to);
            if (values == null) {
                total += execute(plan.statement(rows.subList(from, to))); // a row holds an expression
                continue;
            }
            SlotBinder binder;
            if (to - from == per && full != null) binder = full;
            else {
                Map<Param<?>, SlotBinder.Source> sources = new java.util.IdentityHashMap<>();
                Engine.Prepared p = engine.compileCached(plan.template(to - from, sources));
                binder = new SlotBinder(p.template(), p.params(), sources::get, false);
                fromCache = p.cached();
                if (to - from == per) {
                    full = binder;
                    direct = plan.directCodecs(binder, null);
                }
            }
            total += executeChunk(binder, aligned(binder, values), fromCache);
            fromCache = true;
        }
        return total;
    }

    /**
     * Inserts rows given as value arrays, {@code rows.get(r)[i]} being the value of {@code columns[i]},
     * as multi-row INSERTs (like {@link #insertMany}, with no map per row), and returns for each row
     * the values of the {@code returning} columns (cast to their types), or an empty list when none
     * are named. {@code base} is {@code Sql.insert(table)}, optionally with an ON CONFLICT clause.
     * <pre>{@code
     * List<Object[]> ids = conn.insertRows(insert(USERS), new Column<?>[] {USERS.NAME, USERS.AGE},
     *         List.of(new Object[] {"a", 30}, new Object[] {"b", 41}), USERS.ID);
     * }</pre>
     * Returned rows come in the order the database sends them: row order where
     * {@link org.athanor.core.dialect.DialectFeatures#returningPreservesOrder()} (SQLite, MariaDB) or,
     * without RETURNING, {@link org.athanor.core.dialect.DialectFeatures#multiRowGeneratedKeys()}
     * (MySQL 8: the generated keys, so {@code returning} must then be the single auto-increment
     * column). PostgreSQL does not promise an order for a VALUES list, except in one case Athanor
     * arranges: when {@code returning} is just the table's autoincrement (identity or serial) key,
     * the rows are inserted in their order ({@link Insert#inRowOrder()}) and the keys, which its
     * sequence hands out in increasing order, are sorted, so they come in row order there too (an
     * identity with a negative or cycling increment breaks this). Otherwise return a column that
     * tells the rows apart too.
     * On databases with neither, each statement inserts one row, so keys still come in row order.
     * With an ON CONFLICT ... DO NOTHING base, rows the database skipped return nothing, so the list
     * can be shorter than {@code rows}. Rows are checked one statement's worth at a time: a bad row
     * fails after the statements before it ran (inside the caller's transaction). The caller's
     * arrays are not changed.
     */
    public List<Object[]> insertRows(Insert base, Column<?>[] columns, List<Object[]> rows, Column<?>... returning) {
        checkOpen();
        if (rows.isEmpty()) return List.of();
        return rowsInsert(base, columns, null, returning).rows(rows);
    }

    /**
     * {@link #insertRows} for the usual bulk insert with a generated key, without an array per row:
     * the rows are laid out wider than the statement (the value of {@code columns[i]} is
     * {@code row[positions[i]]}; an ORM passes its snapshot arrays, id slot and all), and the values
     * of the one returned column come back in one array, in the order {@link #insertRows} gives them
     * (so in row order on SQLite, MariaDB, MySQL 8 and, for an identity key, PostgreSQL).
     */
    public Object[] insertRowsReturning(Insert base, Column<?>[] columns, int[] positions, List<Object[]> rows, Column<?> returning) {
        checkOpen();
        RowsInsert ins = rowsInsert(base, columns, positions, returning);
        return ins.keys(rows);
    }

    /**
     * The insert {@link #insertRows} / {@link #insertRowsReturning} run, planned once for running on
     * one list of rows after another (see {@link RowsInsert}). {@code positions} as for
     * insertRowsReturning, or null when {@code rows.get(r)[i]} is the value of {@code columns[i]}.
     */
    public RowsInsert rowsInsert(Insert base, Column<?>[] columns, int[] positions, Column<?>... returning) {
        checkOpen();
        return new RowsInsert(this, base, columns, positions, returning);
    }

    /**
     * How many rows each statement of {@link #insertRows} / {@link #insertRowsReturning} holds for
     * these columns (returning {@code returning}, or nothing when null): see
     * {@link RowsInsert#rowsPerStatement()}. A caller that streams rows a statement's worth at a time
     * uses it to size its chunks, so no chunk is split.
     */
    public int rowsPerInsert(Insert base, Column<?>[] columns, Column<?> returning) {
        checkOpen();
        return rowsInsert(base, columns, null, returning == null ? new Column<?>[0] : new Column<?>[] {returning}).rowsPerStatement();
    }

    /** Where insertRows puts what the statements return: an array per row, or the values of the one column. */
    static final class Collected {
        final List<Object[]> rows;
        final Object[] flat;
        int n;

        Collected(int expected, boolean flat) {
            this.rows = flat ? null : new ArrayList<>(expected);
            this.flat = flat ? new Object[expected] : null;
        }

        void add(Object[] row) {
            if (flat == null) rows.add(row);
            else one(row[0]);
        }

        void one(Object v) {
            if (flat == null) rows.add(new Object[] {v});
            else if (n < flat.length) flat[n++] = v;
            else throw new IllegalStateException("the database returned more rows than were inserted");
        }

        int size() { return flat == null ? rows.size() : n; }

        /** Sorts what came back from {@code first} on by the single, generated key. */
        @SuppressWarnings({"unchecked", "rawtypes"})
        void sortFrom(int first) {
            if (flat != null) java.util.Arrays.sort(flat, first, n, (a, b) -> ((Comparable) a).compareTo(b));
            else rows.subList(first, rows.size()).sort((a, b) -> ((Comparable) a[0]).compareTo(b[0]));
        }
    }

    /** Runs {@code ins} on {@code rows}, a statement's worth at a time, appending what comes back to {@code out}. */
    void insertRowsInto(RowsInsert ins, List<Object[]> rows, Collected out) {
        checkOpen();
        Insert base = ins.base;
        Column<?>[] columns = ins.columns, returning = ins.returning;
        int[] positions = ins.positions, bound = ins.bound;
        InsertPlan plan = ins.plan;
        boolean viaKeys = ins.viaKeys, sortKeys = ins.sortKeys;
        int per = ins.per;
        for (int from = 0; from < rows.size(); from += per) {
            int to = Math.min(rows.size(), from + per);
            keepKeysFromLast(ins, to - from);
            if (ins.elements != null) { // PostgreSQL: one array per column, whatever the number of rows
                Object[][] arrays = plan.columnArrays(rows, from, to, positions);
                if (arrays != null) {
                    insertArrays(ins, arrays, out);
                    continue;
                }
            }
            if (to - from == per && ins.full != null) {
                // the usual chunk: bound from the caller's arrays as they are, no aligned copies
                ValueCodec<Object>[] codecs = ins.directCodecs();
                if (codecs != null && send(ins, ins.full, direct(ins, codecs, rows, from, to), true, out, to - from)) {
                    probeConsecutive(ins, to - from);
                    continue;
                }
            }
            Object[][] values = plan.arrayValues(rows, from, to, positions);
            if (values == null) { // a row holds an expression: the statement path
                List<Object[]> chunk = positions == null ? rows.subList(from, to) : InsertPlan.aligned(rows.subList(from, to), positions);
                Insert stmt = base.columns(columns).valuesMany(chunk);
                if (returning.length == 0) execute(stmt);
                else if (viaKeys) for (Object k : insertReturningKeys(stmt, returning[0])) out.one(k);
                else {
                    int first = out.size();
                    try (Result<Row> r = execute(stmt.returning(returning))) {
                        for (Row row : r) out.add(row.toList().toArray());
                    }
                    if (sortKeys) out.sortFrom(first);
                }
                continue;
            }
            SlotBinder binder;
            boolean fromCache = true;
            if (to - from == per && ins.full != null) binder = ins.full;
            else {
                // without RETURNING where the keys come some other way (generated keys, the last rowid)
                boolean plain = returning.length == 0 || viaKeys || ins.keysFromLast();
                // a plain INSERT's SQL depends only on its shape: keep its binder on the Engine
                Engine.RowsShape shape = base.onConflictClause() == null
                        ? new Engine.RowsShape(base.table(), List.of(columns), plain && !viaKeys ? List.of() : List.of(returning), to - from, viaKeys,
                                bound == null ? null : java.util.Arrays.stream(bound).boxed().toList()) : null;
                binder = shape == null ? null : engine.rowBinder(shape);
                if (binder == null) {
                    Map<Param<?>, SlotBinder.Source> sources = new java.util.IdentityHashMap<>();
                    Insert template = plan.template(to - from, sources, bound);
                    Engine.Prepared p = engine.compileCached(plain ? template : template.returning(returning));
                    binder = new SlotBinder(p.template(), p.params(), sources::get, false);
                    fromCache = p.cached();
                    if (shape != null) engine.keepRowBinder(shape, binder);
                }
                if (to - from == per) ins.keepFull(binder);
            }
            send(ins, binder, aligned(binder, values), fromCache, out, to - from);
            probeConsecutive(ins, to - from);
        }
    }

    /**
     * After a full statement of {@code ins} ran with RETURNING: whether the next ones can do without
     * (see {@link ConsecutiveKeys}). Asked once per RowsInsert, inside a transaction only, and only
     * once this statement has inserted (the table's write lock is then held until the transaction
     * ends, so neither its rows nor its schema can change under the answer but through this
     * connection), for statements of at least 16 rows.
     */
    private void probeConsecutive(RowsInsert ins, int n) {
        if (ins.consecutiveState != 0 || n != ins.per || n < 16) return;
        boolean on;
        try {
            on = !jdbc.getAutoCommit() && ins.consecutive.probe(physical != null ? physical : jdbc);
        } catch (SQLException e) {
            throw translate(e, "(probing " + ins.base.table().name() + " for consecutive keys)");
        }
        if (on) {
            long[] now = checkKeys(ins);
            ins.schemaToken = now[2];
            ins.largest = now[1];
        }
        ins.keysFromLast(on);
    }

    /**
     * Before a statement of {@code n} rows without RETURNING: near the largest key there is (where
     * SQLite starts to pick keys at random) the rest goes with RETURNING.
     */
    private static void keepKeysFromLast(RowsInsert ins, int n) {
        if (ins.keysFromLast() && ins.largest > Long.MAX_VALUE - 2L * Math.max(n, ins.per)) ins.keysFromLast(false);
    }

    /** Runs {@link ConsecutiveKeys#checkSql()}: the last key inserted, the table's largest, the schema number. */
    private long[] checkKeys(RowsInsert ins) {
        String sql = ins.consecutive.checkSql();
        ExecutionEvent ev = engine.observed() ? announce(sql, List.of(), true) : null;
        try {
            long[] keys = withStatement(sql, ps -> {
                long[] out = new long[3];
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) throw new IllegalStateException("no row from " + sql);
                    for (int i = 0; i < 3; i++) out[i] = rs.getLong(i + 1);
                }
                return out;
            });
            engine.finished(ev, -1, null);
            return keys;
        } catch (RuntimeException e) {
            throw failed(ev, e);
        }
    }

    /**
     * The keys of the {@code n} rows an INSERT without RETURNING just put in, learnt from the last
     * one (see {@link ConsecutiveKeys}): {@code last - n + 1 .. last}, once the check confirms that the
     * statement inserted them all, that the final row's key is the table's largest and that the
     * schema is the one probed.
     */
    private void keysFromLast(RowsInsert ins, int inserted, int n, Collected out) {
        long[] now = checkKeys(ins);
        long last = now[0];
        if (inserted != n || last != now[1] || now[2] != ins.schemaToken)
            throw new IllegalStateException("the keys of the " + n + " rows just inserted into " + ins.base.table().name()
                    + " cannot be told: " + (inserted != n ? "the INSERT reported " + inserted + " rows"
                    : last != now[1] ? "the last row's key " + last + " is not the table's largest (" + now[1] + ")"
                    : "the table's schema changed since the insert began")
                    + "; the rows are in the current transaction, which should be rolled back");
        ins.largest = last;
        boolean ints = ins.returning[0].type().javaType() == Integer.class;
        for (long k = last - n + 1; k <= last; k++) out.one(ints ? (Object) Math.toIntExact(k) : (Object) k);
    }

    /**
     * Runs one chunk of {@code ins} through {@code binder} and appends what it returns (sorted where
     * the keys come back sorted); false when the chunk could not be bound (nothing ran).
     */
    private boolean send(RowsInsert ins, SlotBinder binder, Chunk chunk, boolean fromCache, Collected out, int n) {
        if (ins.returning.length == 0) return executeChunk(binder, chunk, fromCache) >= 0;
        if (ins.keysFromLast()) {
            int inserted = executeChunk(binder, chunk, fromCache);
            if (inserted < 0) return false;
            keysFromLast(ins, inserted, n, out);
            return true;
        }
        int first = out.size();
        if (!readReturned(binder, chunk, fromCache, ins.viaKeys ? ins.returning[0] : null, out)) return false;
        if (ins.sortKeys) out.sortFrom(first);
        return true;
    }

    /**
     * The element type names for binding each column's values as one array (see
     * {@link Insert#columnArrays()}), or null when the dialect cannot, a column's type is not one it
     * binds as an array element, or the statement is not a plain insert of the given columns.
     */
    String[] arrayElements(Insert base, Column<?>[] columns, InsertPlan plan) {
        if (!dialect().features().insertFromArrays() || base.onConflictClause() != null || !plan.givenOnly()) return null;
        String[] out = new String[columns.length];
        for (int k = 0; k < columns.length; k++) if ((out[k] = dialect().arrayElementName(columns[k].type())) == null) return null;
        return out;
    }

    /**
     * Runs one INSERT of column arrays ({@link Insert#columnArrays()}) and appends what it returns,
     * the keys sorted when {@code sortKeys} (an identity key: then they come in row order).
     */
    private void insertArrays(RowsInsert ins, Object[][] arrays, Collected out) {
        Insert base = ins.base;
        Column<?>[] columns = ins.columns, returning = ins.returning;
        String[] elements = ins.elements;
        boolean sortKeys = ins.sortKeys;
        // the SQL depends on the table, the columns and what is returned, not on the number of rows:
        // kept on the Engine like the VALUES form's binders (rows = 0 marks the array form), and by
        // the RowsInsert for its later chunks
        CompiledTemplate t = ins.arraysTemplate;
        boolean cached = true;
        if (t == null) {
            Engine.RowsShape shape = new Engine.RowsShape(base.table(), List.of(columns), List.of(returning), 0, false, null);
            SlotBinder kept = engine.rowBinder(shape);
            if (kept != null) t = kept.template();
            else {
                Insert template = base.columns(columns).values(new Object[columns.length]).columnArrays();
                Engine.Prepared p = engine.compileCached(returning.length == 0 ? template : template.returning(returning));
                t = p.template();
                cached = p.cached();
                if (t.slotCount() != columns.length)
                    throw new IllegalStateException("an INSERT of column arrays has " + t.slotCount() + " parameters for "
                            + columns.length + " columns: " + t.sql());
                engine.keepRowBinder(shape, new SlotBinder(t, p.params(), param -> null, false));
            }
            ins.arraysTemplate = t;
        }
        String sql = t.sql();
        writing(); // before the echo: a rollback it runs is logged first
        ExecutionEvent ev = null;
        if (engine.observed()) {
            List<Object> shown = new ArrayList<>(arrays.length);
            for (Object[] a : arrays) shown.add(java.util.Arrays.asList(a));
            ev = announce(sql, shown, cached);
        }
        CompiledTemplate template = t;
        try {
        long rows = withStatement(sql, ps -> {
            java.sql.Connection on = ps.getConnection();
            for (int k = 0; k < arrays.length; k++) {
                // the arrays bypass the codecs' bind: their check (text: no lone surrogate, no NUL where refused)
                if (arrays[k] instanceof String[] texts) checkTexts(texts, columns[k]);
                ps.setArray(k + 1, on.createArrayOf(elements[k], arrays[k]));
            }
            writing();
            int timeout = armTimeout(ps);
            try {
                if (returning.length == 0) return (long) ps.executeUpdate();
                int first = out.size();
                try (ResultSet rs = ps.execute() ? ps.getResultSet() : null) {
                    if (rs == null) throw new IllegalStateException("INSERT ... RETURNING gave no result set: " + sql);
                    readRows(rs, template.resultCodecs(), out);
                }
                if (sortKeys) out.sortFrom(first);
                return (long) (out.size() - first);
            } finally {
                disarmTimeout(ps, timeout);
            }
        });
        engine.finished(ev, rows, null);
        } catch (RuntimeException e) {
            throw failed(ev, e);
        }
    }

    /** Refuses text in a column array as the column's codec would on bind ({@link ValueCodec#check}: a DataError). */
    @SuppressWarnings("unchecked")
    private void checkTexts(String[] texts, Column<?> column) throws SQLException {
        ValueCodec<String> codec = (ValueCodec<String>) dialect().codec(column.type());
        for (int r = 0; r < texts.length; r++) {
            String s = texts[r];
            if (s == null) continue;
            try {
                codec.check(s);
            } catch (SQLException e) {
                throw new SQLException("row " + r + " of the batch, column " + column.name() + ": " + e.getMessage(), e.getSQLState(), e);
            }
        }
    }

    /** Appends the rows of a RETURNING result: single values when one column, else arrays. */
    private static void readRows(ResultSet rs, ValueCodec<Object>[] codecs, Collected out) throws SQLException {
        if (codecs.length == 1) while (rs.next()) out.one(codecs[0].read(rs, 1));
        else while (rs.next()) {
            Object[] row = new Object[codecs.length];
            for (int i = 0; i < row.length; i++) row[i] = codecs[i].read(rs, i + 1);
            out.add(row);
        }
    }

    /** The values one execution of a multi-row INSERT binds. */
    private interface Chunk {
        /** Binds them; false, before anything runs, when a value is an expression the statement path must send instead. */
        boolean bind(PreparedStatement ps) throws SQLException;

        /** The values in slot order, for the echo log. */
        List<Object> shown();
    }

    /** Rows aligned as {@code binder} reads them (see {@link InsertPlan#arrayValues}). */
    private static Chunk aligned(SlotBinder binder, Object[][] values) {
        return new Chunk() {
            @Override public boolean bind(PreparedStatement ps) throws SQLException {
                binder.bind(ps, values, 0);
                return true;
            }

            @Override public List<Object> shown() { return binder.values(values, 0); }
        };
    }

    /** Rows {@code from}..{@code to} of insertMany's maps, bound in one pass (see {@link InsertPlan#bindMaps}). */
    private static Chunk fromMaps(InsertPlan plan, ValueCodec<Object>[] codecs, List<? extends Map<? extends Column<?>, ?>> rows,
                                  int from, int to) {
        return new Chunk() {
            @Override public boolean bind(PreparedStatement ps) throws SQLException { return plan.bindMaps(ps, codecs, rows, from, to); }

            @Override public List<Object> shown() { return plan.shownMaps(rows, from, to); }
        };
    }

    /** Rows {@code from}..{@code to} of the caller's own arrays, bound without aligned copies (see {@link InsertPlan#bindRows}). */
    private static Chunk direct(RowsInsert ins, ValueCodec<Object>[] codecs, List<Object[]> rows, int from, int to) {
        return new Chunk() {
            @Override public boolean bind(PreparedStatement ps) throws SQLException {
                return ins.plan.bindRows(ps, codecs, rows, from, to, ins.positions);
            }

            @Override public List<Object> shown() { return ins.plan.shown(rows, from, to, ins.positions); }
        };
    }

    /**
     * Runs one multi-row INSERT and appends the rows it returns (RETURNING, or the generated keys of
     * {@code keyColumn}); false when {@code chunk} could not be bound (nothing ran).
     */
    private boolean readReturned(SlotBinder binder, Chunk chunk, boolean fromCache, Column<?> keyColumn, Collected out) {
        String sql = binder.template().sql();
        // a statement prepared to report generated keys is kept apart from the same SQL prepared plainly
        String slot = keyColumn == null ? sql : "\u0000keys\u0000" + sql;
        PreparedStatement ps = null;
        boolean done = false;
        ExecutionEvent ev = null;
        int timeout = 0;
        try {
            ps = open.take(slot);
            if (ps == null) {
                java.sql.Connection on = physical != null ? physical : jdbc;
                ps = keyColumn == null ? on.prepareStatement(sql) : on.prepareStatement(sql, new String[] {keyColumn.name()});
            }
            lend(ps);
            if (!chunk.bind(ps)) {
                done = true; // not run: kept as it is (the parameters bound so far are cleared with the others)
                return false;
            }
            writing(); // before the echo: a rollback it runs is logged first
            if (engine.observed()) ev = announce(sql, chunk.shown(), fromCache);
            timeout = armTimeout(ps);
            int first = out.size();
            if (keyColumn == null) {
                ValueCodec<Object>[] codecs = binder.template().resultCodecs();
                // execute(), not executeQuery(): MariaDB's driver refuses executeQuery for INSERT ... RETURNING
                try (ResultSet rs = ps.execute() ? ps.getResultSet() : null) {
                    if (rs == null) throw new IllegalStateException("INSERT ... RETURNING gave no result set: " + sql);
                    readRows(rs, codecs, out);
                }
            } else {
                ps.executeUpdate();
                @SuppressWarnings("unchecked") ValueCodec<Object> codec = (ValueCodec<Object>) dialect().codec(keyColumn.type());
                try (ResultSet rs = ps.getGeneratedKeys()) {
                    while (rs.next()) out.one(codec.read(rs, 1));
                }
            }
            engine.finished(ev, out.size() - first, null);
            done = true;
            return true;
        } catch (SQLException e) {
            throw failed(ev, translate(e, sql));
        } catch (RuntimeException e) {
            throw failed(ev, e);
        } finally {
            if (ps != null) disarmTimeout(ps, timeout);
            if (done) release(slot, ps);
            else discard(ps);
        }
    }

    /**
     * Runs one multi-row INSERT, telling listeners and the echo log like {@link #execute(Dml)}, and
     * returns the rows it inserted; -1 when {@code chunk} could not be bound (nothing ran).
     */
    private int executeChunk(SlotBinder binder, Chunk chunk, boolean fromCache) {
        String sql = binder.template().sql();
        return withStatement(sql, ps -> {
            if (!chunk.bind(ps)) return -1;
            writing(); // before the echo: a rollback it runs is logged first
            ExecutionEvent ev = engine.observed() ? announce(sql, chunk.shown(), fromCache) : null;
            int timeout = 0;
            try {
                timeout = armTimeout(ps);
                int n = ps.executeUpdate();
                engine.finished(ev, n, null);
                return n;
            } catch (SQLException e) {
                throw failed(ev, translate(e, sql));
            } catch (RuntimeException e) {
                throw failed(ev, e);
            } finally {
                disarmTimeout(ps, timeout);
            }
        });
    }

    /**
     * A prepared statement for {@code sql}: one kept open from an earlier execution, or a new one
     * (prepared on the physical connection when statements outlive the checkout, so that the pool's
     * proxy, which closes the statements made through it at check-in, does not track it).
     */
    private PreparedStatement statement(String sql) throws SQLException {
        PreparedStatement ps = open.take(sql);
        if (ps == null) ps = (physical != null ? physical : jdbc).prepareStatement(sql);
        lend(ps);
        return ps;
    }

    private void lend(PreparedStatement ps) {
        if (lentCount == lent.length) lent = java.util.Arrays.copyOf(lent, lentCount * 2);
        lent[lentCount++] = ps;
    }

    private void unlend(PreparedStatement ps) {
        for (int i = lentCount - 1; i >= 0; i--)
            if (lent[i] == ps) {
                lent[i] = lent[--lentCount];
                lent[lentCount] = null;
                return;
            }
    }

    /** A result whose closing failed gives its statement up: it is closed, not kept. */
    void abandon(PreparedStatement ps) { discard(ps); }

    /** Closes a handed-out statement instead of keeping it (it failed, or its result was abandoned). */
    private void discard(PreparedStatement ps) {
        if (ps == null) return;
        unlend(ps);
        closeQuietly(ps);
    }

    /** Takes back a statement whose result is closed, to reuse for the same SQL. */
    void release(String sql, PreparedStatement ps) {
        if (ps == null) return;
        if (closed || broken) {
            discard(ps);
            return;
        }
        unlend(ps);
        try {
            // a kept statement must not hold on to the values bound last (they may be large, or private)
            // past the checkout: they are cleared when it ends, not after every execution (the next
            // execution binds every parameter anyway; on SQLite clearing unbinds each one natively)
            if (physical != null) boundNow(sql, ps);
            open.put(sql, ps);
        } catch (SQLException e) {
            closeQuietly(ps);
            throw translate(e, sql);
        }
    }

    /**
     * Statements released during this checkout that still hold the values of their last execution,
     * with their SQL. Entries of statements closed meanwhile (evicted from the kept ones, or
     * discarded) are dropped whenever the map has doubled since it was last pruned.
     */
    private java.util.IdentityHashMap<PreparedStatement, String> bound;
    private PreparedStatement lastBound;
    private int pruneBoundAt = 64;

    private void boundNow(String sql, PreparedStatement ps) {
        if (ps == lastBound) return;
        if (bound == null) bound = new java.util.IdentityHashMap<>();
        bound.put(ps, sql);
        lastBound = ps;
        if (bound.size() > pruneBoundAt) {
            bound.keySet().removeIf(Connection::isClosed);
            pruneBoundAt = Math.max(64, 2 * bound.size());
        }
    }

    private static boolean isClosed(PreparedStatement ps) {
        try {
            return ps.isClosed();
        } catch (SQLException e) {
            return true;
        }
    }

    /**
     * Clears the parameters of the statements this checkout executed that are still kept open. One
     * that cannot be cleared is closed and no longer kept; the connection stays usable.
     */
    private void clearBound() {
        if (bound == null) return;
        for (java.util.Map.Entry<PreparedStatement, String> e : bound.entrySet()) {
            PreparedStatement ps = e.getKey();
            if (isClosed(ps)) continue;
            try {
                ps.clearParameters();
            } catch (SQLException failed) {
                open.remove(e.getValue(), ps);
                closeQuietly(ps);
            }
        }
        bound = null;
        lastBound = null;
        pruneBoundAt = 64;
    }

    /** Binds one execution's values: each parameter's own, or for a named one the value given in {@code named}. */
    private void bind(PreparedStatement ps, CompiledTemplate t, Param<?>[] params, Map<String, ?> named) throws SQLException {
        for (int i = 0, n = t.slotCount(); i < n; i++) {
            Param<?> p = params[t.slot(i)];
            Object v = p.value();
            if (p.name() != null && v == null) v = Engine.namedValue(p, named, t.sql());
            t.slotCodec(i).bind(ps, i + 1, v);
        }
    }

    /** Reads the schema through this connection (see {@link org.athanor.core.inspect.Inspector}). */
    public org.athanor.core.inspect.Inspector inspect() {
        checkOpen();
        return new org.athanor.core.inspect.Inspector(this);
    }

    // ---- transactions --------------------------------------------------------------------------------

    public void commit() {
        checkOpen();
        engine.transaction(TransactionEvent.COMMIT, this);
        try {
            jdbc.commit();
            dirty = false;
            wrote = false;
        } catch (SQLException e) {
            throw translate(e, "COMMIT");
        }
    }

    public void rollback() {
        checkOpen();
        engine.transaction(TransactionEvent.ROLLBACK, this);
        try {
            jdbc.rollback();
            dirty = false;
            wrote = false;
        } catch (SQLException e) {
            throw translate(e, "ROLLBACK");
        }
    }

    /** A savepoint inside the current transaction: roll back to it without losing the outer work. */
    public NestedTransaction beginNested() {
        checkOpen();
        if (!dialect().features().supportsSavepoints()) throw new org.athanor.core.error.NotSupportedError(
                dialect().name() + " does not support savepoints", null, null);
        try {
            writing();
            engine.transaction(TransactionEvent.SAVEPOINT, this);
            Savepoint sp = jdbc.setSavepoint();
            return new NestedTransaction(this, sp);
        } catch (SQLException e) {
            throw translate(e, "SAVEPOINT");
        }
    }

    public void setIsolationLevel(IsolationLevel level) {
        checkOpen();
        java.util.Objects.requireNonNull(level, "level");
        try {
            jdbc.setTransactionIsolation(level.jdbcLevel());
        } catch (SQLException e) {
            throw translate(e, "SET TRANSACTION ISOLATION LEVEL " + level);
        }
    }

    public IsolationLevel isolationLevel() {
        checkOpen();
        try {
            return IsolationLevel.fromJdbc(jdbc.getTransactionIsolation());
        } catch (SQLException e) {
            throw translate(e, null);
        }
    }

    /** True after {@link #close()}, or once the engine it came from was closed. */
    public boolean isClosed() { return closed || engine.closed; }

    /** Rolls back uncommitted work and returns the connection to the pool. */
    @Override
    public void close() {
        if (closed) return;
        closed = true;
        // statements whose results were left open: closed, so none outlives the checkout mid-read
        while (lentCount > 0) discard(lent[lentCount - 1]);
        clearBound();
        if (physical == null) {
            try {
                open.closeAll();
            } catch (SQLException e) {
                broken = true;
            }
        }
        try {
            // after Engine.close() the physical connection is closed already, its work rolled back with it
            if (dirty && !broken && !engine.closed) {
                engine.transaction(TransactionEvent.ROLLBACK, this);
                jdbc.rollback();
            }
        } catch (SQLException e) {
            broken = true;
        } finally {
            unclosed.closed();
            engine.release(jdbc, physical, broken);
        }
    }

    // ---- errors --------------------------------------------------------------------------------------

    DatabaseError translate(SQLException e, String sql) {
        DatabaseError err = engine.dialect().translate(e, sql); // not dialect(): also after close, for errors on the way out
        if (err instanceof DisconnectionError) broken = true;
        return err;
    }

    void savepointSql(Savepoint sp, boolean release) {
        checkOpen();
        engine.transaction(release ? TransactionEvent.RELEASE_SAVEPOINT : TransactionEvent.ROLLBACK_TO_SAVEPOINT, this);
        try {
            if (release) jdbc.releaseSavepoint(sp);
            else jdbc.rollback(sp);
        } catch (SQLException e) {
            throw translate(e, release ? "RELEASE SAVEPOINT" : "ROLLBACK TO SAVEPOINT");
        }
    }

    private static void closeQuietly(PreparedStatement ps) {
        if (ps == null) return;
        try {
            ps.close();
        } catch (SQLException ignored) {
            // the original error is the one worth reporting
        }
    }
}
