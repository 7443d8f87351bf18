package org.athanor.orm;

/**
 * A relationship was about to be lazily loaded more times in one session than
 * {@link SessionFactory#raiseLazyLoadsOver(int)} allows: the sign of an N+1. Thrown before the
 * load's statement runs, so the session and the database are as they were; the message names the
 * relationship, the count and the loader option that avoids it.
 */
public final class LazyLoadLimitError extends IllegalStateException {
    LazyLoadLimitError(String message) { super(message); }
}
