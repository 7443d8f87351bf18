package org.athanor.orm;

import org.athanor.orm.internal.uow.TxLevel;

/**
 * A savepoint opened by {@link Session#beginNested()}. {@link #commit()} flushes and keeps its work
 * in the outer transaction; {@link #rollback()} discards everything since it began, flushed or not
 * (objects added since become transient, deletions are withdrawn, changed attributes take their
 * values at the savepoint back; see {@link Session}); closing without either rolls back. A flush
 * that fails while the savepoint is open rolls it back the same way and ends it.
 */
public final class SessionSavepoint implements AutoCloseable {
    private final Session session;
    private final TxLevel level;
    private boolean done;

    SessionSavepoint(Session session, TxLevel level) {
        this.session = session;
        this.level = level;
    }

    /** Flushes, then releases the savepoint. */
    public void commit() {
        requireActive();
        session.releaseSavepoint(level);
        done = true;
    }

    public void rollback() {
        requireActive();
        session.rollbackSavepoint(level);
        done = true;
    }

    public boolean isActive() { return !done && session.uow.tx.isOpen(level); }

    private void requireActive() {
        if (done) throw new IllegalStateException("this savepoint was already committed or rolled back");
    }

    @Override
    public void close() {
        if (isActive()) rollback();
    }
}
