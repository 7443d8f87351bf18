package org.athanor.orm;

/**
 * Session events (SQLAlchemy's {@code before_flush}, {@code after_flush}, {@code after_commit},
 * {@code after_rollback}, {@code after_attach}), registered with {@link SessionFactory#withListener(SessionListener)};
 * every session the factory opens calls them. Implement the methods you need; the others do nothing.
 * Listeners are called on the session's thread, in registration order; see docs/orm-events.md.
 *
 * <pre>{@code
 * SessionFactory sessions = SessionFactory.of(engine, registry).withListener(new SessionListener() {
 *     @Override public void beforeFlush(Session session) {
 *         for (Object o : session.getNew()) if (o instanceof Post p) session.add(new AuditEntry("created", p.getTitle()));
 *     }
 * });
 * }</pre>
 */
public interface SessionListener {
    /**
     * At the start of each flush (explicit, autoflush, or the one commit() runs) of a session that
     * holds objects, before relationships are cascaded and before the dirty check. Objects added or
     * changed here are written by this flush. What this throws rolls the transaction back as a failed
     * flush does, and propagates.
     */
    default void beforeFlush(Session session) {}

    /**
     * After a flush's statements ran and the objects are persistent (or deleted), before the
     * transaction commits. What this throws rolls the transaction back as a failed flush does.
     */
    default void afterFlush(Session session) {}

    /**
     * After commit() committed the transaction (also a commit with nothing to write). The
     * transaction is over: what this throws propagates, but cannot undo the commit.
     */
    default void afterCommit(Session session) {}

    /**
     * After the session's database transaction was rolled back and the session's objects restored:
     * rollback(), a failed flush or commit, close() without commit. Not called for a savepoint
     * rollback, nor when there was no database transaction to roll back. What this throws propagates
     * (added as suppressed to a failed flush's error).
     */
    default void afterRollback(Session session) {}

    /**
     * After an object became attached to the session by add/addAll, merge, a cascade of add, or
     * delete of a detached object: {@code entity} is then pending or persistent. Not called for
     * objects loaded from rows. What this throws propagates; the object stays attached.
     */
    default void afterAttach(Session session, Object entity) {}
}
