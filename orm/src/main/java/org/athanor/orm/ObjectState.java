package org.athanor.orm;

/**
 * Where an entity object stands relative to a {@link Session} (SQLAlchemy's object states).
 *
 * <pre>{@code
 * User u = new User("Alice");            // TRANSIENT: no session knows it
 * session.add(u);                        // PENDING: will be INSERTed at the next flush
 * session.flush();                       // PERSISTENT: has a row and an identity in the session
 * session.delete(u); session.flush();    // DELETED: its DELETE ran; commit makes it DETACHED
 * session.close();                       // objects still held become DETACHED
 * }</pre>
 */
public enum ObjectState {
    /** Not in a session and never saved by one. */
    TRANSIENT,
    /** Added to a session, not yet inserted. */
    PENDING,
    /** In a session's identity map with a database row (also while marked by {@code delete()} before the flush). */
    PERSISTENT,
    /** Its DELETE was flushed in the current transaction; commit detaches it, rollback makes it persistent again. */
    DELETED,
    /** Was persistent in a session that closed, expunged it or committed its deletion. */
    DETACHED
}
