package org.athanor.core.engine;

import java.sql.Savepoint;
import org.athanor.core.error.ResourceClosedError;

/**
 * A savepoint. {@link #commit()} releases it (the work stays in the outer transaction),
 * {@link #rollback()} undoes only what was done since it; closing without either rolls back.
 * Once its Connection is closed (or that connection's Engine), only {@link #close()} is allowed.
 */
public final class NestedTransaction implements AutoCloseable {
    private final Connection connection;
    private final Savepoint savepoint;
    private boolean done;

    NestedTransaction(Connection connection, Savepoint savepoint) {
        this.connection = connection;
        this.savepoint = savepoint;
    }

    private void checkActive() {
        // the connection first: its JDBC connection may already serve another Connection
        if (!connection.usable()) throw connection.closedError();
        if (done) throw new ResourceClosedError("this savepoint was already committed or rolled back (closed)");
    }

    public void commit() {
        checkActive();
        done = true;
        connection.savepointSql(savepoint, true);
    }

    public void rollback() {
        checkActive();
        done = true;
        connection.savepointSql(savepoint, false);
    }

    public boolean isActive() { return !done && connection.usable(); }

    /** Rolls back to the savepoint unless committed or rolled back; does nothing once the connection is closed. */
    @Override public void close() { if (!done && connection.usable()) rollback(); }
}
