package org.athanor.core.engine;

import java.sql.Savepoint;

/**
 * A savepoint. {@link #commit()} releases it (the work stays in the outer transaction),
 * {@link #rollback()} undoes only what was done since it; closing without either rolls back.
 */
public final class NestedTransaction implements AutoCloseable {
    private final Connection connection;
    private final Savepoint savepoint;
    private boolean done;

    NestedTransaction(Connection connection, Savepoint savepoint) {
        this.connection = connection;
        this.savepoint = savepoint;
    }

    public void commit() {
        if (done) throw new IllegalStateException("this savepoint was already committed or rolled back");
        done = true;
        connection.savepointSql(savepoint, true);
    }

    public void rollback() {
        if (done) throw new IllegalStateException("this savepoint was already committed or rolled back");
        done = true;
        connection.savepointSql(savepoint, false);
    }

    public boolean isActive() { return !done; }

    @Override public void close() { if (!done) rollback(); }
}
