package org.athanor.orm;

/**
 * A transaction block from {@link Session#begin()} or {@link SessionFactory#begin()}, for
 * try-with-resources (SQLAlchemy's {@code with session.begin():}). Java's {@code close()} cannot see
 * whether the block threw, so the block ends with {@link #commit()} (or {@link #rollback()}) as its last
 * statement. Closing a block that did neither rolls back, then throws {@code IllegalStateException}
 * saying so: a block left by an exception never commits half its work (the error is then suppressed
 * under the block's own exception), and a block that forgot to commit fails loudly instead of losing its
 * work in silence (Jdbi's rule).
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
    /** commit() was called: when it failed, closing rolls back without blaming the block for not committing. */
    private boolean commitTried;

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
        commitTried = true;
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

    /**
     * Rolls back unless commit() or rollback() was called, and closes the session when the block opened it. A block that
     * neither committed nor rolled back (nor had its commit fail) then throws {@code IllegalStateException}: inside
     * try-with-resources it is suppressed under the exception that left the block, if one did.
     */
    @Override
    public void close() {
        boolean forgot = false;
        try {
            if (!done && !session.isClosed()) {
                done = true;
                forgot = !commitTried;
                session.rollback();
            }
        } finally {
            if (ownsSession) session.close();
        }
        if (forgot)
            throw new IllegalStateException("the transaction block ended without commit() or rollback(), so its work was "
                    + "rolled back; end the block with tx.commit() (or tx.rollback() to discard its work on purpose)");
    }
}
