package org.athanor.orm;

import java.lang.ref.WeakReference;

/**
 * What a session knows about one attached object. Detached and transient objects have none:
 * they are known by their absence from every session.
 *
 * <p>The state refers to its object weakly: the session keeps its objects strongly elsewhere while
 * they are attached, and when it closes it hands its states to {@link Tracking} as they are, which
 * then knows which objects left a session after having a row without holding them or copying anything.
 */
final class InstanceState extends WeakReference<Object> {
    enum Status { PENDING, PERSISTENT, DELETED }

    final EntityInfo info;
    Status status;
    /** delete() was called and the DELETE has not been flushed yet. */
    boolean marked;
    /** Attribute values as the database holds them (as far as the session knows); null when pending or unknown. */
    Object[] snapshot;
    /** The identity in the identity map; null while pending. */
    IdKey key;
    /** The session epoch at which the snapshot was read; older than the session's expiry epoch means expired. */
    long loadedEpoch;
    /** Deleted by a bulk {@code Query.delete()} rather than by {@code Session.delete}: a rollback does not re-mark it. */
    boolean bulkDeleted;
    /** Order of add(), so that INSERTs follow it. */
    long addedSeq;
    /**
     * Re-attached by {@code add} only because its generated id is set: whether its row exists is
     * checked at the next flush (it is inserted with its id when not).
     */
    boolean unverified;
    /** True while a session holds this state (it is dropped, not reused, when the object leaves). */
    boolean attached;
    /** Position in the session's {@link PendingList}, or -1 when not pending there. */
    int pendingPos = -1;
    /** What the innermost transaction level that changed this object knew before (see {@link TxLevel}), or null. */
    TxLevel.Memento memento;

    InstanceState(Object obj, EntityInfo info) {
        super(obj);
        this.info = info;
    }

    /**
     * Leaves the session, which hands this state to {@link Tracking}: what only the session needs is
     * dropped, so a detached state costs the collector no more than a weak reference. A closing
     * session's transaction levels die with it, so its states need not be marked unattached (the
     * mementos go either way).
     */
    void release(boolean closing) {
        if (!closing) attached = false;
        snapshot = null;
        key = null;
        memento = null;
    }

    /** The object; never null while a session holds this state (the session keeps it reachable). */
    Object obj() { return get(); }

    @Override public String toString() {
        return info.name + "@" + Integer.toHexString(System.identityHashCode(get())) + "[" + status + (marked ? ", marked deleted" : "")
                + (key == null ? "" : ", " + key) + "]";
    }
}
