package org.athanor.orm;

import org.athanor.orm.internal.uow.TxLevel;

/**
 * A savepoint opened by {@link Session#beginNested()}, which flushes first. {@link #commit()} flushes and
 * keeps its work in the outer transaction; {@link #rollback()} (or a flush that fails while it is open)
 * discards everything since it began, flushed or not, by the rules of {@link Session#rollback()}: the
 * database goes back to the savepoint, objects added since are transient again (their generated ids
 * cleared), deletions since are undone, and objects the savepoint changed, wrote or read take their values
 * at the savepoint back and are expired. Closing without either rolls back. The outer transaction goes on;
 * a failed flush inside a savepoint does not need {@link Session#rollback()}:
 * <pre>{@code
 * for (User u : incoming) {
 *     try (SessionSavepoint sp = session.beginNested()) {
 *         session.add(u);
 *         sp.commit();                  // flushes: a duplicate key fails here
 *     } catch (IntegrityError duplicate) {
 *         // u is transient again; the users before it are still in the transaction
 *     }
 * }
 * session.commit();
 * }</pre>
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
        session.tx.releaseSavepoint(level);
        done = true;
    }

    public void rollback() {
        requireActive();
        session.tx.rollbackSavepoint(level);
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
