package org.athanor.core.engine;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.List;
import java.util.Map;
import org.athanor.core.dialect.Dialect;
import org.athanor.core.error.DatabaseError;
import org.athanor.core.error.DisconnectionError;
import org.athanor.core.error.ResourceClosedError;
import org.athanor.core.internal.bulk.BulkInsert;
import org.athanor.core.internal.bulk.Executor;
import org.athanor.core.internal.bulk.InsertMany;
import org.athanor.core.internal.bulk.StatementKeys;
import org.athanor.core.schema.Column;
import org.athanor.core.sql.Dml;
import org.athanor.core.sql.Insert;
import org.athanor.core.sql.Query;
import org.athanor.core.sql.Row;
import org.athanor.core.sql.Statement;

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
public final class Connection implements AutoCloseable, org.athanor.core.schema.ReflectionSource {
    private final Engine engine;
    private final java.sql.Connection jdbc;
    /** The transaction always open on this connection (see {@link ConnectionTransaction}). */
    private final ConnectionTransaction tx;
    /** The statement timeout in force (the engine's, or a call's own). */
    private final StatementTimeouts timeouts;
    /** Results of this connection not closed yet (their statements are mid-read). */
    int openResults;
    /**
     * Checked first by every method: a closed connection's JDBC connection is back in the pool and
     * may be serving another Connection, so nothing may run on it. A plain field, not volatile: a
     * connection is used by one thread at a time (see {@link #checkOpen()} for the engine's flag).
     */
    private boolean closed;
    /** From {@link Engine#begin()}: closing with uncommitted work rolls back and throws (see there). */
    boolean block;
    private boolean broken;
    /** The statements this checkout lends and keeps (see {@link LentStatements}). */
    private final LentStatements statements;
    /** The physical connection the kept statements belong to (they are prepared on it), or null. */
    private final java.sql.Connection physical;

    /** Returns the JDBC connection if this one is collected unclosed (see {@link UnclosedConnections}). */
    private final UnclosedConnections.Handle unclosed;
    /** The one execution path of the statements this connection keeps (see {@link Executions}). */
    private final Executions executions;

    /** See {@link Executions}. */
    Executions executions() { return executions; }

    Connection(Engine engine, java.sql.Connection jdbc, java.sql.Connection physical, OpenStatements open) {
        this.engine = engine;
        this.jdbc = jdbc;
        this.physical = physical;
        this.statements = new LentStatements(open, jdbc, physical);
        this.tx = new ConnectionTransaction(this, engine, jdbc, engine.dialect().features().beginOnFirstWrite());
        this.timeouts = new StatementTimeouts(engine, physical != null ? physical : jdbc);
        this.unclosed = engine.unclosedConnections().watch(this, jdbc, physical);
        this.executions = new Executions(this, engine, jdbc, statements);
    }

    /**
     * Refuses use after {@link #close()} or after the engine was closed. Called first by every public
     * method; a plain field and a volatile one (the engine is closed from another thread), no lock.
     */
    void checkOpen() {
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

    /** A read is about to run in the current transaction. */
    void reading() { tx.reading(); }

    /** A write is about to run: see {@link ConnectionTransaction#writing}. */
    void writing() { tx.writing(openResults); }

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
        tx.wroteDirectly();
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
        return executions.query(query, named, reader, streaming);
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
        return executions.dml(statement, parameters);
    }

    /**
     * Runs a query that is cancelled with a {@link org.athanor.core.error.StatementTimeoutError} if it
     * runs longer than {@code timeout} (instead of {@link EngineOptions#statementTimeout()}).
     * <pre>{@code
     * List<Row> rows = conn.execute(report, Duration.ofSeconds(5)).all();
     * }</pre>
     */
    public <R> Result<R> execute(Query<R> query, java.time.Duration timeout) {
        return withTimeout(timeout, () -> execute(query));
    }

    /** {@link #execute(Dml)} cancelled past {@code timeout}, like {@link #execute(Query, java.time.Duration)}. */
    public int execute(Dml statement, java.time.Duration timeout) {
        return withTimeout(timeout, () -> execute(statement));
    }

    /** {@link #execute(Query, Map)} cancelled past {@code timeout}, like {@link #execute(Query, java.time.Duration)}. */
    public <R> Result<R> execute(Query<R> query, Map<String, ?> parameters, java.time.Duration timeout) {
        return withTimeout(timeout, () -> execute(query, parameters));
    }

    /** {@link #execute(Dml, Map)} cancelled past {@code timeout}, like {@link #execute(Query, java.time.Duration)}. */
    public int execute(Dml statement, Map<String, ?> parameters, java.time.Duration timeout) {
        return withTimeout(timeout, () -> execute(statement, parameters));
    }

    /** Runs {@code work} with {@code timeout} in force instead of the engine's statement timeout. */
    private <T> T withTimeout(java.time.Duration timeout, java.util.function.Supplier<T> work) {
        checkOpen();
        return timeouts.with(timeout, work);
    }

    /** See {@link StatementTimeouts#arm}. */
    int armTimeout(java.sql.Statement st) throws SQLException { return timeouts.arm(st); }

    /** Disarms what {@link #armTimeout} armed: kept statements must not carry it into later executions. */
    void disarmTimeout(java.sql.Statement st, int ms) {
        if (!timeouts.disarm(st, ms)) broken = true; // a statement or connection that cannot be reset is not handed out again
    }

    /** Runs any statement for its effect (DDL through {@code text(...)}, DML), on a statement of its own. */
    public void executeStatement(Statement statement) {
        checkOpen();
        UnkeptStatements.execute(this, engine, jdbc, java.util.Objects.requireNonNull(statement, "statement"));
    }

    /** Runs literal SQL with no parameters (DDL). */
    public void executeSql(String sql) {
        checkOpen();
        UnkeptStatements.executeSql(this, engine, jdbc, java.util.Objects.requireNonNull(sql, "sql"));
    }

    // ---- inserting (the bulk-insert engine lives in org.athanor.core.internal.bulk) ------------------------

    /**
     * Inserts and returns the generated values of {@code key}, one per inserted row, in row order:
     * through RETURNING where the database has it, else through JDBC generated keys.
     */
    public <K> List<K> insertReturningKeys(Insert insert, Column<K> key) {
        checkOpen();
        return StatementKeys.insertReturningKeys(bulk(), insert, key);
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
        return ExecuteMany.run(this, engine, jdbc, template, parameterSets);
    }

    /**
     * Inserts many rows, each a column → value map, as multi-row INSERT ... VALUES statements sized
     * to stay under the dialect's bind-parameter limit (one row per statement where multi-row VALUES
     * is missing). All rows must name the same columns; columns with a client-side default that the
     * rows leave out are filled in. Returns the number of rows inserted.
     * <pre>{@code
     * conn.insertMany(insert(USERS), List.of(Insert.row(USERS.NAME, "a"), Insert.row(USERS.NAME, "b")));
     * }</pre>
     */
    public long insertMany(Insert base, List<? extends Map<? extends Column<?>, ?>> rows) {
        checkOpen();
        return InsertMany.run(bulk(), base, rows);
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
     * A single returned column comes back in row order on every database: RETURNING where the
     * database keeps row order (SQLite, MariaDB), MySQL 8's generated keys (the column must then be
     * the auto-increment key), PostgreSQL's identity keys sorted after an insert in row order, and
     * otherwise matched to the rows through a sentinel column (see {@link RowsInsert}). Several
     * returned columns come in the order the database sends them: return a column that tells the
     * rows apart where it promises none (PostgreSQL). With an ON CONFLICT ... DO NOTHING base, rows
     * the database skipped return nothing, so the list can be shorter than {@code rows}. Rows are
     * checked one statement's worth at a time: a bad row fails after the statements before it ran
     * (inside the caller's transaction). The caller's arrays are not changed.
     */
    public List<Object[]> insertRows(Insert base, Column<?>[] columns, List<Object[]> rows, Column<?>... returning) {
        checkOpen();
        if (rows.isEmpty()) return List.of();
        return rowsInsert(base, columns, null, returning).rows(rows);
    }

    /**
     * The insert {@link #insertRows} runs, planned once for running on one list of rows after
     * another (see {@link RowsInsert}). {@code positions}: where the value of {@code columns[i]} sits
     * in each row ({@code row[positions[i]]}: an ORM passes its snapshot arrays, id slot and all), or
     * null when {@code rows.get(r)[i]} is the value of {@code columns[i]}.
     */
    public RowsInsert rowsInsert(Insert base, Column<?>[] columns, int[] positions, Column<?>... returning) {
        checkOpen();
        return new RowsInsert(new BulkInsert(bulk(), base, columns, positions, returning));
    }

    /** What the bulk-insert engine runs its statements through: this connection's one execution path. */
    private Executor bulk;

    private Executor bulk() {
        if (bulk == null) bulk = new ConnectionExecutor(this, engine, physical != null ? physical : jdbc);
        return bulk;
    }

    /** A result whose closing failed gives its statement up: it is closed, not kept. */
    void abandon(PreparedStatement ps) { discard(ps); }

    /** Closes a lent statement instead of keeping it (it failed, or its result was abandoned). */
    private void discard(PreparedStatement ps) { statements.discard(ps); }

    /** Takes back a statement whose result is closed (or that ran), to reuse for the same SQL. */
    void release(String sql, PreparedStatement ps) {
        if (ps == null) return;
        if (closed || broken) {
            discard(ps);
            return;
        }
        try {
            statements.keep(sql, ps);
        } catch (SQLException e) {
            throw translate(e, sql);
        }
    }

    /** Reads the schema through this connection (see {@link org.athanor.core.inspect.Inspector}). */
    public org.athanor.core.inspect.Inspector inspect() {
        checkOpen();
        return new JdbcInspector(this);
    }

    /** Untyped tables read back through this connection (what {@code MetaData.reflect(connection)} returns). */
    @Override
    public org.athanor.core.schema.MetaData reflect(String schema, java.util.Collection<String> tables) { return inspect().reflect(schema, tables); }

    // ---- transactions --------------------------------------------------------------------------------

    public void commit() {
        checkOpen();
        tx.commit();
    }

    public void rollback() {
        checkOpen();
        tx.rollback();
    }

    /** A savepoint inside the current transaction: roll back to it without losing the outer work. */
    public NestedTransaction beginNested() {
        checkOpen();
        return tx.beginNested();
    }

    public void setIsolationLevel(IsolationLevel level) {
        checkOpen();
        tx.setIsolationLevel(java.util.Objects.requireNonNull(level, "level"));
    }

    public IsolationLevel isolationLevel() {
        checkOpen();
        return tx.isolationLevel();
    }

    /** True after {@link #close()}, or once the engine it came from was closed. */
    public boolean isClosed() { return closed || engine.closed; }

    /**
     * Rolls back uncommitted work and returns the connection to the pool. A transaction block from {@link Engine#begin()}
     * closed with uncommitted work then throws {@code IllegalStateException} (its work is rolled back all the same).
     */
    @Override
    public void close() {
        if (closed) return;
        closed = true;
        boolean forgot = false;
        // statements whose results were left open: closed, so none outlives the checkout mid-read
        if (!statements.endCheckout()) broken = true;
        try {
            // after Engine.close() the physical connection is closed already, its work rolled back with it
            if (tx.hasWork() && !broken && !engine.closed) {
                forgot = block;
                engine.transaction(TransactionEvent.ROLLBACK, this);
                jdbc.rollback();
            }
        } catch (SQLException e) {
            broken = true;
        } finally {
            unclosed.closed();
            engine.release(jdbc, physical, broken);
        }
        if (forgot)
            throw new IllegalStateException("the engine.begin() block ended without commit() or rollback(), so its work was "
                    + "rolled back; end the block with c.commit() (or c.rollback() to discard its work on purpose)");
    }

    // ---- errors --------------------------------------------------------------------------------------

    DatabaseError translate(SQLException e, String sql) {
        DatabaseError err = engine.dialect().translate(e, sql); // not dialect(): also after close, for errors on the way out
        if (err instanceof DisconnectionError) broken = true;
        return err;
    }

    void savepointSql(Savepoint sp, boolean release) {
        checkOpen();
        tx.savepoint(sp, release);
    }
}
