package org.athanor.orm;

/**
 * An unloaded relationship was accessed on an object whose session is closed, or which its session no
 * longer holds (expunged, rolled back out): there is no session to load it with. The message names
 * the object and the relationship; load the relationship while the session is open (access it, e.g.
 * {@code user.getPosts().size()}), or read the object again in an open session.
 */
public final class DetachedInstanceError extends IllegalStateException {
    public DetachedInstanceError(String message) { super(message); }
}
