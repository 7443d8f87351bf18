package org.athanor.core.engine;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import org.athanor.core.sql.Statement;

/**
 * Statements run once on a JDBC statement of their own and closed after, never kept: DDL given as
 * nodes or {@code text(...)} ({@link Connection#executeStatement}) and literal SQL
 * ({@link Connection#executeSql}), which may change the schema the kept statements were prepared
 * against. Announced, timed out and translated like every other statement.
 */
final class UnkeptStatements {
    private UnkeptStatements() {}

    static void execute(Connection conn, Engine engine, java.sql.Connection jdbc, Statement statement) {
        conn.writing(); // before prepare, which echoes the statement
        Prepared p = engine.prepare(statement);
        ExecutionEvent ev = engine.observed() ? conn.executions().announce(p.template().sql(), Prepared.values(p, null), p.cached()) : null;
        try (PreparedStatement ps = jdbc.prepareStatement(p.template().sql())) {
            Executions.bind(ps, p.template(), p.params(), null);
            int timeout = conn.armTimeout(ps);
            long rows;
            try {
                rows = ps.execute() ? -1 : ps.getUpdateCount();
            } finally {
                conn.disarmTimeout(ps, timeout);
            }
            engine.finished(ev, rows, null);
        } catch (SQLException e) {
            throw conn.executions().failed(ev, conn.translate(e, p.template().sql()));
        } catch (RuntimeException e) {
            throw conn.executions().failed(ev, e);
        }
    }

    static void executeSql(Connection conn, Engine engine, java.sql.Connection jdbc, String sql) {
        conn.writing(); // before the echo: a rollback it runs is logged first
        ExecutionEvent ev = engine.started(conn, sql, List.of(), false, true, false);
        try (java.sql.Statement st = jdbc.createStatement()) {
            int timeout = conn.armTimeout(st);
            long rows;
            try {
                rows = st.execute(sql) ? -1 : st.getUpdateCount();
            } finally {
                conn.disarmTimeout(st, timeout);
            }
            engine.finished(ev, rows, null);
        } catch (SQLException e) {
            throw conn.executions().failed(ev, conn.translate(e, sql));
        } catch (RuntimeException e) {
            throw conn.executions().failed(ev, e);
        }
    }
}
