package org.athanor.core.engine;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.athanor.core.dialect.Dialect;
import org.athanor.core.internal.bulk.Binders;
import org.athanor.core.internal.bulk.Compiled;
import org.athanor.core.internal.bulk.Executor;
import org.athanor.core.sql.Dml;
import org.athanor.core.sql.Query;
import org.athanor.core.sql.Row;
import org.athanor.core.sql.SqlNode;

/** What the bulk-insert engine runs on: a {@link Connection}'s statement cache, binders and one execution path. */
final class ConnectionExecutor implements Executor {
    private final Connection conn;
    private final Engine engine;
    private final java.sql.Connection physical;

    ConnectionExecutor(Connection conn, Engine engine, java.sql.Connection physical) {
        this.conn = conn;
        this.engine = engine;
        this.physical = physical;
    }

    @Override public Dialect dialect() { return engine.dialect(); }

    @Override
    public Compiled compile(SqlNode statement) {
        Prepared p = engine.compileCached(statement);
        return new Compiled(p.template(), p.params(), p.cached());
    }

    @Override public Binders binders() { return engine.binders(); }

    @Override
    public long run(String sql, String generatedKey, boolean cached, Binding binding, Execution execution) {
        conn.checkOpen();
        return conn.executions().statement(sql, generatedKey, cached, binding, execution);
    }

    @Override public int execute(Dml statement) { return conn.execute(statement); }

    @Override
    public List<Object[]> returning(Query<Row> statement) {
        List<Object[]> out = new ArrayList<>();
        try (Result<Row> r = conn.execute(statement)) {
            for (Row row : r) out.add(row.toList().toArray());
        }
        return out;
    }

    @Override
    public boolean inTransaction() {
        try {
            return !physical.getAutoCommit();
        } catch (SQLException e) {
            throw conn.translate(e, "(reading autocommit)");
        }
    }

    @Override public RuntimeException translate(SQLException e, String sql) { return conn.translate(e, sql); }
}
