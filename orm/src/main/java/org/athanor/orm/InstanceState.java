package org.athanor.orm;

import org.athanor.orm.internal.mapping.Mapper;
import org.athanor.orm.internal.mapping.IdKey;


/**
 * What a session knows about one attached object. Detached and transient objects have none:
 * they are known by their absence from every session.

 */
final class InstanceState {
    final Object obj;
    enum Status { PENDING, PERSISTENT, DELETED }

    final Mapper info;
    Status status;
    /** delete() was called and the DELETE has not been flushed yet. */
    boolean marked;
    /** Attribute values as the database holds them (as far as the session knows); null when pending or unknown. */
    Object[] snapshot;
    /** The identity in the identity map; null while pending. See {@link #key()}. */
    private IdKey key;
    /** The key is not made yet: it is read from the snapshot when first asked for (a loaded row). */
    private boolean keyInSnapshot;
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
    /** Loaded with reference keys (in the snapshot) not yet turned into the referenced objects (see ToOneLoading). */
    boolean refsPending;
    /** Loaded (or re-read) with its @OneToMany fields still to be given unloaded collections (see Loading.list). */
    boolean collectionsPending;
    /** Position in the session's {@link PendingList}, or -1 when not pending there. */
    int pendingPos = -1;
    /** What the innermost transaction level that changed this object knew before (see {@link TxLevel}), or null. */
    TxLevel.Memento memento;

    InstanceState(Object obj, Mapper info) {
        this.obj = obj;
        this.info = info;
    }

    Object obj() { return obj; }

    /**
     * {@code states} with room for {@code more} entries after its first {@code used}: the same array
     * when there is, else a copy at least twice as long (so that repeated small calls stay amortised).
     */
    static InstanceState[] withRoom(InstanceState[] states, int used, int more) {
        if (states.length - used >= more) return states;
        return java.util.Arrays.copyOf(states, Math.max(used + more, 2 * states.length));
    }

    /** The identity in the identity map; null while pending. A loaded row's key is made on first use. */
    IdKey key() {
        if (keyInSnapshot) {
            key = IdKey.ofRow(info, snapshot);
            keyInSnapshot = false;
        }
        return key;
    }

    void setKey(IdKey k) {
        key = k;
        keyInSnapshot = false;
    }

    /**
     * For a row just loaded into {@link #snapshot} (whose id values are not null): its key is made
     * from the snapshot when first asked for. The id cannot change while the object is persistent,
     * and later snapshots are new arrays holding the same id, so the key is the same whenever made.
     */
    void keyFromSnapshot() {
        key = null;
        keyInSnapshot = true;
    }

    @Override public String toString() {
        return info.name + "@" + Integer.toHexString(System.identityHashCode(obj)) + "[" + status + (marked ? ", marked deleted" : "")
                + (key == null ? "" : ", " + key) + "]";
    }
}
