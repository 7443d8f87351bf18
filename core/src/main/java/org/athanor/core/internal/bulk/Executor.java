package org.athanor.core.internal.bulk;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import org.athanor.core.dialect.Dialect;
import org.athanor.core.sql.Dml;
import org.athanor.core.sql.SqlNode;

/**
 * What the bulk-insert engine needs from a connection: the statement cache, the engine's binders, and
 * the connection's one execution path. Implemented by {@code org.athanor.core.engine.Connection}
 * (not API: the package is internal).
 */
public interface Executor {
    Dialect dialect();

    /** Compiles through the engine's statement cache without telling listeners (each execution is reported by {@link #run}). */
    Compiled compile(SqlNode statement);

    /** The engine's binders of plain multi-row INSERTs, by shape. */
    Binders binders();

    /**
     * Runs one statement for {@code sql} through the connection's choke point: a kept (or newly
     * prepared) statement, prepared to report the generated keys of column {@code generatedKey}
     * when that is not null; {@code binding} binds it (declining leaves it unrun: -1); then the
     * write is recorded, listeners told, the timeout armed, {@code execution} runs it and returns the
     * rows it inserted, listeners told again. A failure is translated and reported.
     */
    long run(String sql, String generatedKey, boolean cached, Binding binding, Execution execution);

    /** Runs a statement built from nodes (rows holding expressions), as {@code Connection.execute(Dml)}. */
    int execute(Dml statement);

    /** Runs an INSERT ... RETURNING built from nodes and returns its rows, each as an array of the returned values. */
    List<Object[]> returning(org.athanor.core.sql.Query<org.athanor.core.sql.Row> statement);

    /** Whether a transaction is open. */
    boolean inTransaction();

    RuntimeException translate(SQLException e, String sql);

    /** Binds one execution; false when it is not to run after all (a value only a statement built from nodes can send). */
    interface Binding {
        boolean bind(PreparedStatement ps) throws SQLException;

        /** The values bound, in placeholder order, for listeners (asked only when one listens). */
        List<Object> shown();

        /** Nothing to bind. */
        Binding NONE = new Binding() {
            @Override public boolean bind(PreparedStatement ps) { return true; }

            @Override public List<Object> shown() { return List.of(); }
        };
    }

    /** Executes a bound statement and returns the rows it inserted (or returned), -1 for a query. */
    interface Execution {
        long execute(PreparedStatement ps) throws SQLException;
    }
}
