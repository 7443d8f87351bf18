package org.athanor.core.error;

/**
 * A {@code Connection}, {@code Result}, {@code NestedTransaction} or other handle was used after it
 * was closed, consumed, or its {@code Engine} was closed (SQLAlchemy's ResourceClosedError).
 *
 * <p>It is an {@link IllegalStateException}, not an {@link AthanorException}: using a closed handle
 * is a mistake in the calling code's sequence of calls, never something the database did, and
 * {@code catch (IllegalStateException e)} is where Java code looks for that.
 * <pre>{@code
 * Result<Row> r = conn.execute(select(USERS.NAME));
 * r.all();
 * r.all();   // ResourceClosedError: this result was already consumed or closed ...
 * }</pre>
 */
public class ResourceClosedError extends IllegalStateException {
    public ResourceClosedError(String message) { super(message); }
}
