package org.athanor.core.engine;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.athanor.core.internal.bulk.Executor;
import org.athanor.core.internal.compile.CompiledTemplate;
import org.athanor.core.internal.compile.KeyCollector;
import org.athanor.core.sql.Dml;
import org.athanor.core.sql.Param;
import org.athanor.core.sql.Query;
import org.athanor.core.sql.Select;

/**
 * A {@link Connection}'s one execution path for the statements it keeps: take a kept (or newly
 * prepared) statement, bind, announce to the listeners, arm the timeout, execute, report, translate
 * errors, give the statement back. Queries ({@link #query}) hand their statement to the
 * {@link Result}, which gives it back when closed; everything else ({@link #statement}) gives it back
 * at once. The public API stays on {@link Connection}, which checks it is open before calling here.
 */
final class Executions {
    private final Connection conn;
    private final Engine engine;
    private final java.sql.Connection jdbc;
    private final LentStatements statements;

    /**
     * Compiles through the engine's cache, walking into the key walk kept with the physical connection's statements
     * (see {@link OpenStatements#takeWalk}): a statement prepared while another is being prepared gets a new one.
     */
    private Prepared prepare(org.athanor.core.sql.SqlNode statement, Map<String, ?> named) {
        KeyCollector k = statements.takeWalk();
        Prepared p = engine.compileCached(statement, named, k, statements.hits());
        statements.giveWalk(k);
        return p;
    }

    Executions(Connection conn, Engine engine, java.sql.Connection jdbc, LentStatements statements) {
        this.conn = conn;
        this.engine = engine;
        this.jdbc = jdbc;
        this.statements = statements;
    }

    /** Whether a query only reads (a SELECT, set operation or WITH around one); text() may write, so it counts as a write. */
    private static boolean isRead(Query<?> query) {
        if (query instanceof org.athanor.core.sql.WithQuery<?> w) return isRead(w.body());
        return query instanceof Select<?> || query instanceof org.athanor.core.sql.CompoundSelect<?>;
    }

    /**
     * Runs {@code query} with the values of its named parameters ({@code named}, or null) and returns
     * its rows read by {@code reader}, fetched from the server as they are read when {@code streaming}.
     */
    <R> Result<R> query(Query<?> query, Map<String, ?> named, RowReader<R> reader, boolean streaming) {
        java.util.Objects.requireNonNull(query, "query");
        java.util.Objects.requireNonNull(reader, "reader");
        // before prepare, which echoes the statement: a rollback writing() runs is logged before it
        if (isRead(query)) conn.reading();
        else conn.writing();
        Prepared p = prepare(query, named);
        ExecutionEvent ev = engine.observed() ? announce(p.template().sql(), Prepared.values(p, named), p.cached()) : null;
        PreparedStatement ps = null;
        boolean started = false;
        try {
            ps = statements.take(p.template().sql(), p.template().sql(), null);
            // statements are reused: set the fetch size every time so a streaming setup never leaks
            if (streaming) engine.dialect().configureStreaming(jdbc, ps);
            else ps.setFetchSize(engine.options().fetchSize());
            bind(ps, p.template(), p.params(), named);
            ResultSet rs;
            int timeout = conn.armTimeout(ps);
            try {
                if (query instanceof Select<?>) rs = ps.executeQuery();
                else rs = ps.execute() ? ps.getResultSet() : null;
            } finally {
                conn.disarmTimeout(ps, timeout);
            }
            engine.finished(ev, -1, null); // a query's rows are read as the result streams
            CompiledTemplate t = p.template();
            if (rs != null && t.resultCount() == 0) t = t.describedBy(rs.getMetaData()); // text(): columns known only now
            Result<R> result = new Result<>(conn, ps, rs, t, reader);
            started = true;
            return result;
        } catch (SQLException e) {
            throw failed(ev, conn.translate(e, p.template().sql()));
        } catch (RuntimeException e) {
            throw failed(ev, e);
        } finally {
            if (!started) statements.discard(ps);
        }
    }

    /** Runs INSERT, UPDATE or DELETE with the values of its named parameters ({@code parameters}, or null); returns the row count. */
    int dml(Dml statement, Map<String, ?> parameters) {
        java.util.Objects.requireNonNull(statement, "statement");
        conn.writing(); // before prepare, which echoes the statement
        Prepared p = prepare(statement, parameters);
        return (int) statement(p.template().sql(), null, p.cached(), new Executor.Binding() {
            @Override public boolean bind(PreparedStatement ps) throws SQLException {
                Executions.bind(ps, p.template(), p.params(), parameters);
                return true;
            }

            @Override public List<Object> shown() { return Prepared.values(p, parameters); }
        }, PreparedStatement::executeUpdate);
    }

    /** See {@link Executor#run}: the choke point of every statement run for its row count. */
    long statement(String sql, String generatedKey, boolean cached, Executor.Binding binding, Executor.Execution execution) {
        // a statement prepared to report generated keys is kept apart from the same SQL prepared plainly
        String slot = generatedKey == null ? sql : "\u0000keys\u0000" + sql;
        PreparedStatement ps = null;
        boolean done = false;
        ExecutionEvent ev = null;
        int timeout = 0;
        try {
            ps = statements.take(slot, sql, generatedKey);
            if (!binding.bind(ps)) {
                done = true; // not run: kept as it is (the parameters bound so far are cleared with the others)
                return -1;
            }
            conn.writing(); // before the announcement: a rollback it runs is logged first
            if (engine.observed()) ev = announce(sql, binding.shown(), cached);
            timeout = conn.armTimeout(ps);
            long rows = execution.execute(ps);
            engine.finished(ev, rows, null);
            done = true;
            return rows;
        } catch (SQLException e) {
            throw failed(ev, conn.translate(e, sql));
        } catch (RuntimeException e) {
            throw failed(ev, e);
        } finally {
            if (ps != null) conn.disarmTimeout(ps, timeout);
            if (done) conn.release(slot, ps);
            else statements.discard(ps);
        }
    }

    /** Binds one execution's values: each parameter's own, or for a named one the value given in {@code named}. */
    static void bind(PreparedStatement ps, CompiledTemplate t, Param<?>[] params, Map<String, ?> named) throws SQLException {
        for (int i = 0, n = t.slotCount(); i < n; i++) {
            Param<?> p = params[t.slot(i)];
            Object v = p.value();
            if (p.name() != null && v == null) v = Prepared.namedValue(p, named, t.sql());
            t.slotCodec(i).bind(ps, i + 1, v);
        }
    }

    /**
     * Tells the listeners a single statement is about to run (the announce half of the one choke
     * point; {@link Engine#finished} is the other). Callers check {@link Engine#observed()} first, so
     * that the values are built only when someone listens.
     */
    ExecutionEvent announce(String sql, List<Object> values, boolean cached) {
        List<List<Object>> sets = new java.util.ArrayList<>(1);
        sets.add(values);
        return engine.started(conn, sql, sets, cached, false, false);
    }

    /** Reports {@code e} as the end of {@code ev} (nothing when null or already reported) and returns it to be thrown. */
    RuntimeException failed(ExecutionEvent ev, RuntimeException e) {
        if (ev != null) engine.finished(ev, -1, e);
        return e;
    }
}
