package org.athanor.orm;

/**
 * A transaction block from {@link Session#begin()} or {@link SessionFactory#begin()}, for
 * try-with-resources (SQLAlchemy's {@code with session.begin():}). Java's {@code close()} cannot see
 * whether the block threw, so the block says it succeeded by calling {@link #commit()} as its last
 * statement; closing a block that did not commit rolls back. A block left by an exception therefore
 * never commits half its work, and a block that forgot to commit loses its work visibly (nothing is
 * written) rather than silently committing it.
 *
 * <pre>{@code
 * try (SessionTransaction tx = session.begin()) {
 *     session.add(new User("Alice", 31));
 *     tx.commit();                       // flush + COMMIT; an exception before it means ROLLBACK at close
 * }
 *
 * try (SessionTransaction tx = sessions.begin()) {   // a new session, closed with the block
 *     tx.session().add(new User("Bob", 40));
 *     tx.commit();
 * }
 * }</pre>
 */
public final class SessionTransaction implements AutoCloseable {
    private final Session session;
    /** Whether the block opened the session (SessionFactory.begin) and so closes it. */
    private final boolean ownsSession;
    private boolean done;

    SessionTransaction(Session session, boolean ownsSession) {
        this.session = session;
        this.ownsSession = ownsSession;
    }

    /** The session the block's work goes into. */
    public Session session() { return session; }

    /**
     * Flushes and commits (see {@link Session#commit()}) and ends the block. When the commit fails
     * (the database refused the flush), the block stays open, so that {@link #close()} (or your
     * {@link #rollback()}) performs the rollback the session then waits for.
     */
    public void commit() {
        requireActive();
        session.commit();
        done = true;
    }

    /** Rolls back (see {@link Session#rollback()}) and ends the block. */
    public void rollback() {
        requireActive();
        done = true;
        session.rollback();
    }

    /** Whether neither commit() nor rollback() has been called. */
    public boolean isActive() { return !done; }

    private void requireActive() {
        if (done) throw new IllegalStateException("this transaction block was already committed or rolled back");
    }

    /** Rolls back unless commit() or rollback() was called; closes the session when the block opened it. */
    @Override
    public void close() {
        try {
            if (!done && !session.isClosed()) {
                done = true;
                session.rollback();
            }
        } finally {
            if (ownsSession) session.close();
        }
    }
}
