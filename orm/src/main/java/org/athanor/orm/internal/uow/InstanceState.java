package org.athanor.orm.internal.uow;

import org.athanor.orm.internal.mapping.Mapper;
import org.athanor.orm.internal.mapping.Values;
import org.athanor.orm.internal.mapping.IdKey;


/**
 * What a session knows about one attached object. Detached and transient objects have none:
 * they are known by their absence from every session.

 */
public final class InstanceState {
    public final Object obj;
    public enum Status { PENDING, PERSISTENT, DELETED }

    public final Mapper info;
    public Status status;
    /** delete() was called and the DELETE has not been flushed yet. */
    public boolean marked;
    /** Attribute values as the database holds them (as far as the session knows); null when pending or unknown. */
    public Object[] snapshot;
    /** The identity in the identity map; null while pending. See {@link #key()}. */
    private IdKey key;
    /** The key is not made yet: it is read from the snapshot when first asked for (a loaded row). */
    private boolean keyInSnapshot;
    /** The session epoch at which the snapshot was read; older than the session's expiry epoch means expired. */
    public long loadedEpoch;
    /** Deleted by a bulk {@code Query.delete()} rather than by {@code Session.delete}: a rollback does not re-mark it. */
    public boolean bulkDeleted;
    /** Order of add(), so that INSERTs follow it. */
    public long addedSeq;
    /**
     * Re-attached by {@code add} only because its generated id is set: whether its row exists is
     * checked at the next flush (it is inserted with its id when not).
     */
    public boolean unverified;
    /** True while a session holds this state (it is dropped, not reused, when the object leaves). */
    public boolean attached;
    /** Loaded with reference keys (in the snapshot) not yet turned into the referenced objects (see ToOneLoading). */
    public boolean refsPending;
    /** Loaded (or re-read) with its @OneToMany fields still to be given unloaded collections (see Loading.list). */
    public boolean collectionsPending;
    /**
     * An unloaded proxy of a {@code fetch = LAZY} reference: only its key is known (the snapshot is the
     * proxy's own untouched fields, so it is never dirty); expired until a row fills it in place.
     */
    public boolean ghost;
    /** Position in the session's {@link PendingList}, or -1 when not pending there. */
    public int pendingPos = -1;
    /** What the innermost transaction level that changed this object knew before (see {@link TxLevel}), or null. */
    public TxLevel.Memento memento;

    public InstanceState(Object obj, Mapper info) {
        this.obj = obj;
        this.info = info;
    }

    public Object obj() { return obj; }

    /**
     * {@code states} with room for {@code more} entries after its first {@code used}: the same array
     * when there is, else a copy at least twice as long (so that repeated small calls stay amortised).
     */
    public static InstanceState[] withRoom(InstanceState[] states, int used, int more) {
        if (states.length - used >= more) return states;
        return java.util.Arrays.copyOf(states, Math.max(used + more, 2 * states.length));
    }

    /** The identity in the identity map; null while pending. A loaded row's key is made on first use. */
    public IdKey key() {
        if (keyInSnapshot) {
            key = IdKey.ofRow(info, snapshot);
            keyInSnapshot = false;
        }
        return key;
    }

    /** Whether the key object exists (false while it is still to be made from the snapshot). */
    boolean keyMade() { return !keyInSnapshot; }

    public void setKey(IdKey k) {
        key = k;
        keyInSnapshot = false;
    }

    /**
     * For a row just loaded into {@link #snapshot} (whose id values are not null): its key is made
     * from the snapshot when first asked for. The id cannot change while the object is persistent,
     * and later snapshots are new arrays holding the same id, so the key is the same whenever made.
     */
    public void keyFromSnapshot() {
        key = null;
        keyInSnapshot = true;
    }

    /**
     * The object's attribute values when any differs from its snapshot, else null. Autoflush runs this
     * for every persistent object, so a clean object costs only reads, no allocation.
     */
    public Object[] valuesIfChanged() {
        Object[] snap = snapshot;
        if (snap == null) return info.read(obj);
        for (int i = 0; i < snap.length; i++)
            if (!Values.same(info.get(obj, i), snap[i])) return info.read(obj);
        return null;
    }

    /** Indexes of updatable attributes whose value in {@code values} differs from the snapshot (all of them when it is unknown), or null. */
    public int[] changedAttributes(Object[] values) {
        int[] out = null;
        int n = 0;
        for (int i = 0; i < values.length; i++) {
            org.athanor.orm.mapping.Attribute a = info.attrs[i];
            if (a.isId() || a.isVersion() || !a.updatable()) continue;
            if (snapshot != null && Values.same(values[i], snapshot[i])) continue;
            if (out == null) out = new int[values.length];
            out[n++] = i;
        }
        return out == null ? null : java.util.Arrays.copyOf(out, n);
    }

    @Override public String toString() {
        return info.name + "@" + Integer.toHexString(System.identityHashCode(obj)) + "[" + status + (marked ? ", marked deleted" : "")
                + (key == null ? "" : ", " + key) + "]";
    }
}
