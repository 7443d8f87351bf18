package org.athanor.orm;

/**
 * A savepoint opened by {@link Session#beginNested()}. {@link #commit()} keeps its work in the
 * outer transaction; {@link #rollback()} undoes what was flushed since it began and puts the
 * objects back in step (as {@link Session#rollback()} does for the whole transaction); closing
 * without either rolls back.
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

    public boolean isActive() { return !done && session.levels.contains(level); }

    private void requireActive() {
        if (done) throw new IllegalStateException("this savepoint was already committed or rolled back");
    }

    @Override
    public void close() {
        if (isActive()) rollback();
    }
}
