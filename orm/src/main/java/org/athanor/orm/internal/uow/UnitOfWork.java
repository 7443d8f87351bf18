package org.athanor.orm.internal.uow;

import java.util.function.Consumer;
import org.athanor.orm.internal.mapping.IdKey;
import org.athanor.orm.internal.mapping.Mapper;
import org.athanor.orm.internal.mapping.Values;
import org.athanor.orm.mapping.Callbacks;

/**
 * A session's unit of work: the objects it holds and their states (SQLAlchemy's UOWTransaction plus
 * the identity map). This class is the only code that changes an object's {@link InstanceState}
 * (status, snapshot, key, marks, epoch) and the structures that index states (attached objects,
 * identity map, pending list, marked set); every such change is recorded in the current
 * {@link TxLevel} first so that {@link TransactionLevels} can undo it at rollback.
 *
 * <p>The Session decides <em>when</em> (its public methods, flush, commit); loaders and the flush
 * call the transition methods here: {@link #newPending}, {@link #attachDetached}, {@link #attachLoaded},
 * {@link #markDeleted}, {@link #unmark}, {@link #detach}, {@link #inserted}, {@link #updated},
 * {@link #deleted}, {@link #writeAttribute}, {@link #setSlots}. What needs the database or the
 * relationship machinery is asked of the {@link Host} (the Session).
 *
 * <p>Identity is keyed by {@link IdKey} (base mapper, key, identity token): a sharded session sets
 * the token on the keys it makes; inheritance makes every class of a hierarchy share its base's keys.
 * Not thread-safe, as the Session.
 */
public final class UnitOfWork {
    /** What the unit of work needs from its session. */
    public interface Host {
        /** The session's object for {@code mapper}'s row with id {@code id}, loaded with one SELECT when not held; null when there is no row. */
        Object load(Mapper mapper, IdKey key);

        /** Unloads the loaded collections of {@code s}'s object (they reload on access): a rollback undid what they may hold. */
        void unloadCollections(InstanceState s);

        /** Whether a collection field of {@code s}'s object holds another collection than the session's (replaced by the application). */
        boolean collectionsReplaced(InstanceState s);
    }

    final Host host;
    /** Attached objects by identity (see {@link AttachedObjects}). */
    private final AttachedObjects attached = new AttachedObjects();
    /** Persistent objects by primary key. */
    public final StateTable identityMap = new StateTable();
    public final PendingList pending = new PendingList();
    /** Objects marked by {@code Session.delete} whose DELETE is not flushed yet, in mark order. */
    public final MarkedStates marked = new MarkedStates();
    /** The transaction as the session sees it: levels, epochs, what a rollback restores. */
    public final TransactionLevels tx = new TransactionLevels(this);
    /** Many-to-many and element-collection changes not flushed yet (written by the flush, dropped by a rollback). */
    public final LinkChanges links = new LinkChanges();
    private long addSeq;
    /** Whether a state may still be {@link InstanceState#unverified} (cleared by a flush that finds none). */
    public boolean mayHoldUnverified;

    public UnitOfWork(Host host) { this.host = host; }

    // ---- looking up ----------------------------------------------------------------------------------

    /** The state of {@code entity} in this unit of work, or null. */
    public InstanceState stateOf(Object entity) {
        InstanceState s = attached.get(entity);
        // a loaded row kept without a state: its state alone is made (the other rows keep having none)
        return s != null ? s : identityMap.settleObject(entity);
    }

    /** How many objects are attached (pending, persistent, deleted). */
    public int attachedCount() { return attached.count() + identityMap.unsettledRows(); }

    /** Every attached state (pending, persistent, deleted), without building any index. */
    public void forEachAttached(Consumer<InstanceState> action) {
        identityMap.settleRows(); // made and attached; hashing them into the table is not needed for the walk
        attached.forEach(action);
    }

    /**
     * The flush's walk: every attached state to {@code action}; every loaded row still without a state first to
     * {@code rows} ({@link LoadedRows#checkRows}), and only when it answers true is the row's state made and given to
     * {@code action}. The rows it answers false for keep having no state.
     */
    public void forEachAttachedOrRow(Consumer<InstanceState> action, LoadedRows.RowCheck rows) {
        attached.forEach(action);
        identityMap.checkRows(rows, action);
    }

    /** Whether the application replaced a collection in a field of {@code s}'s object (the flush adopts it). */
    public boolean collectionsReplaced(InstanceState s) { return host.collectionsReplaced(s); }

    /** The innermost transaction level: where changes are recorded. */
    public TxLevel level() { return tx.current(); }

    public boolean isExpired(InstanceState s) { return tx.isExpired(s); }

    /** Records what {@code s} was before the current level changes it. */
    public TxLevel.Memento touch(InstanceState s) { return level().touch(s); }

    // ---- becoming attached -------------------------------------------------------------------------

    /** Makes room for {@code n} more pending objects (a large addAll). */
    public void expectNew(int n) { pending.expect(n); }

    /** A new object becomes pending (inserted at the next flush), in add order. */
    public InstanceState newPending(Object entity, Mapper info, boolean index) {
        InstanceState s = new InstanceState(entity, info);
        s.addedSeq = addSeq++;
        s.status = InstanceState.Status.PENDING;
        pending.add(s);
        attached.attach(s, entity, index);
        return s;
    }

    /**
     * Re-attaches an object that had a row as persistent with an unknown snapshot (every updatable
     * column is written at the next flush); its row is checked at the next flush ({@link InstanceState#unverified}).
     */
    public InstanceState attachDetached(Object entity, Mapper info, IdKey key, boolean index) {
        InstanceState other = identityMap.get(key);
        if (other != null)
            throw new IllegalStateException("cannot add detached " + key + ": this session already holds another object for"
                    + " that row; use merge() to copy its state onto the session's object");
        InstanceState s = new InstanceState(entity, info);
        s.addedSeq = addSeq++;
        s.status = InstanceState.Status.PERSISTENT;
        s.setKey(key);
        s.unverified = true;
        mayHoldUnverified = true;
        s.snapshot = null;
        s.loadedEpoch = tx.epoch;
        identityMap.put(s);
        attached.attach(s, entity, index);
        return s;
    }

    /**
     * Begins a load of rows of {@code declared}'s hierarchy ({@link LoadedRows}'s flags: {@code DISTINCT}, {@code DEFER},
     * {@code KEEP_STATES}, {@code REFRESH}); {@link #loadEnded} follows its last row, also when a row fails.
     */
    public LoadedRows beginLoad(Mapper declared, int flags) { return beginLoad(declared, flags, 0); }

    /** {@link #beginLoad(Mapper, int)} of a load that gives at most {@code rows} rows (its LIMIT; 0: not known), kept without growing. */
    public LoadedRows beginLoad(Mapper declared, int flags, int rows) {
        return new LoadedRows(attached, tx.epoch, identityMap.held(declared.base()), flags, rows);
    }

    /**
     * Registers a freshly loaded object that the identity map may hold another of ({@link LoadedRows#appends} said
     * so, and the lookup missed): put in the table under {@code key}, the identity made from {@code values}.
     * {@code values} becomes its snapshot: the caller hands over an array nobody else holds (byte arrays in it are
     * replaced by copies, as the object keeps the originals).
     */
    public InstanceState attachLoaded(Mapper info, Object obj, IdKey key, Object[] values) {
        InstanceState s = loadedState(info, obj, info.ownSnapshot(values), tx.epoch);
        s.setKey(key);
        identityMap.put(s);
        attached.attach(s, obj, false);
        if (info.callbacks != null) info.callbacks.fire(Callbacks.POST_LOAD, obj);
        return s;
    }

    /**
     * {@link #attachLoaded} for a row the identity map cannot hold ({@link LoadedRows#appends}): no lookup, the state
     * appended to the table (hashed when it is next read), its key made when first needed.
     */
    public InstanceState appendLoaded(LoadedRows rows, Mapper info, Object obj, Object[] values) {
        Object[] snapshot = info.ownSnapshot(values);
        InstanceState s = loadedState(info, obj, snapshot, tx.epoch);
        attached.attach(s, obj, false);
        identityMap.appendLoaded(rows, s, StateTable.firstId(info, snapshot));
        if (info.callbacks != null) info.callbacks.fire(Callbacks.POST_LOAD, obj);
        return s;
    }

    /** {@link #appendLoaded} for a load that {@linkplain LoadedRows#defers defers} its states: made when first needed. */
    public void loadedRow(LoadedRows rows, Mapper info, Object obj, Object[] values) {
        Object[] snapshot = info.ownSnapshot(values);
        rows.add(info, obj, snapshot);
        identityMap.rowEntered(rows, StateTable.firstId(info, snapshot));
        if (info.callbacks != null) info.callbacks.fire(Callbacks.POST_LOAD, obj);
    }

    /** A load read its last row (or failed): no more rows come. */
    public void loadEnded(LoadedRows rows) { identityMap.loadEnded(rows); }

    /**
     * A loaded object's state: persistent with {@code snapshot} (no other holder), its key made from the snapshot
     * when first needed (most loaded rows never need it), read at {@code epoch}; not attached yet.
     */
    static InstanceState loadedState(Mapper info, Object obj, Object[] snapshot, long epoch) {
        InstanceState s = new InstanceState(obj, info);
        s.status = InstanceState.Status.PERSISTENT;
        s.snapshot = snapshot;
        s.keyFromSnapshot();
        s.loadedEpoch = epoch;
        s.refsPending = info.loadsRelated();
        s.collectionsPending = info.toManys.length > 0;
        return s;
    }

    /**
     * Registers an unloaded proxy ({@code fetch = LAZY}) for the row with key {@code key}, which no object
     * of the session has: persistent and {@linkplain InstanceState#ghost expired}, so a later load of the
     * row (a query, {@code get}, the proxy's own loader) fills this object in place. Its snapshot is what
     * its fields hold now (the id, and the class's defaults), so a flush finds nothing changed; the
     * object's collections are given when its row is read.
     */
    public InstanceState attachGhost(Mapper info, Object proxy, IdKey key) {
        InstanceState s = new InstanceState(proxy, info);
        s.status = InstanceState.Status.PERSISTENT;
        s.ghost = true;
        s.snapshot = info.ownSnapshot(info.read(proxy));
        s.setKey(key);
        s.loadedEpoch = tx.epoch;
        identityMap.put(s);
        attached.attach(s, proxy, false);
        return s;
    }

    // ---- marks and leaving -------------------------------------------------------------------------

    /** Marks a persistent object for deletion at the next flush; false when it was marked already. */
    public boolean markDeleted(InstanceState s) {
        if (s.marked) return false;
        s.marked = true;
        marked.add(s);
        return true;
    }

    /** Takes back a {@link #markDeleted} not flushed yet. */
    public void unmark(InstanceState s) {
        if (!s.marked) return;
        s.marked = false;
        marked.remove(s);
    }

    /**
     * Removes {@code s} from every structure: an object that had a row becomes DETACHED, a pending one
     * transient. (Which of the two it is outside the session is told by its id alone.)
     */
    public void detach(InstanceState s) {
        attached.unattach(s);
        pending.remove(s);
        marked.remove(s);
        identityMap.remove(s);
    }

    /**
     * A rollback drops the many-to-many and element-collection changes not flushed: the loaded collections of
     * the objects they name are unloaded too (they may hold the dropped changes), so they reload as the database
     * has them. A collection the application replaced in its field since the last flush is not among the changes
     * yet (the flush adopts it): its owner's collections are unloaded, the session's own again; so are those of
     * every persistent owner of element collections (rows of them a rolled-back flush wrote).
     */
    void dropLinks() {
        for (Object o : links.objects()) {
            InstanceState s = stateOf(o);
            if (s != null) host.unloadCollections(s);
        }
        links.clear();
        identityMap.forEach(s -> {
            if (s.info.hasElementCollections() || s.info.toManys.length > 0 && host.collectionsReplaced(s)) host.unloadCollections(s);
        });
    }

    /** Empties the unit of work at once: the same as detaching each object in turn. */
    public void detachEverything(boolean closing) {
        links.clear();
        if (attached.count() == 0 && identityMap.isEmpty()) return;
        attached.releaseAll(closing);
        identityMap.clear();
        pending.clear();
        marked.clear();
    }

    // ---- what a flush did ----------------------------------------------------------------------------

    /** Sets the generated id the database returned on the object, undoably. */
    public void assignGeneratedId(InstanceState st, Object id) {
        int gen = st.info.generatedId.index();
        TxLevel.Memento m = st.info.insertWritesOnlyTheId() ? level().touchInsertedWithGeneratedId(st) : null;
        if (m != null && m.sharedInsert) st.info.set(st.obj(), gen, id); // undone through the key: nothing recorded per object
        else writeAttribute(st, gen, id);
    }

    /**
     * A pending object was inserted with {@code values} (read just before: no other holder): it becomes
     * persistent. {@code touched}: {@link #assignGeneratedId} recorded it in the current level already
     * (possibly in the level's shared insert record, which a second touch would defeat).
     */
    public void inserted(InstanceState st, Object[] values, boolean touched) {
        if (!touched) touch(st);
        st.status = InstanceState.Status.PERSISTENT;
        if (st.info.hasNullId(values))
            throw new IllegalStateException("inserted " + st.info.name + " has no primary key value; set its @Id or use @GeneratedValue");
        st.snapshot = st.info.ownSnapshot(values);
        st.keyFromSnapshot(); // made when first needed
        st.loadedEpoch = tx.epoch;
        pending.remove(st);
        identityMap.append(st); // put when the map is next read
    }

    /** A persistent object's row was updated: attributes {@code changed} now hold {@code values}, and the version {@code version}. */
    public void updated(InstanceState st, int[] changed, Object[] values, int versionIdx, Object version) {
        touch(st);
        Object[] snap = st.snapshot == null ? Values.snapshotOf(values) : st.snapshot.clone();
        for (int i : changed) snap[i] = values[i] instanceof byte[] b ? b.clone() : values[i];
        if (versionIdx >= 0) snap[versionIdx] = version;
        st.snapshot = snap;
    }

    /**
     * An object's row was deleted: it is DELETED until the transaction ends. {@code bulk}: by a bulk
     * {@code Query.delete()} rather than a flushed {@code Session.delete} (a rollback does not re-mark it).
     */
    public void deleted(InstanceState st, boolean bulk) {
        touch(st);
        level().deletes = true;
        st.status = InstanceState.Status.DELETED;
        if (bulk) st.bulkDeleted = true;
        st.marked = false;
        marked.remove(st);
        identityMap.remove(st);
    }

    /** A re-attached object's row was found: it is an ordinary detached-then-added object. */
    public void verified(InstanceState st) { st.unverified = false; }

    /** A re-attached object's row was not found: it becomes pending, inserted with the id it has (in add order). */
    public void unverifiedIsNew(InstanceState st) {
        touch(st);
        identityMap.remove(st);
        st.setKey(null);
        st.status = InstanceState.Status.PENDING;
        pending.add(st);
    }

    /** Sorts the pending list back into add order (after {@link #unverifiedIsNew} appended to it). */
    public void sortPending() {
        if (!pending.isEmpty()) pending.sort((a, b) -> Long.compare(a.addedSeq, b.addedSeq));
    }

    /**
     * Takes a re-read row's values as {@code st}'s new snapshot. Attributes the user changed since the
     * last snapshot keep their value when {@code keepChanges}; the rest are overwritten. Not undone by a
     * rollback: the level remembers the object as read, and a rollback expires it instead.
     */
    public void reloaded(InstanceState st, Object[] v, boolean keepChanges) {
        Mapper info = st.info;
        for (int i = 0; i < v.length; i++) {
            Object current = info.get(st.obj(), i);
            boolean userChanged = keepChanges && (st.snapshot == null || !Values.same(current, st.snapshot[i]));
            if (userChanged || Values.same(current, v[i])) continue;
            if (i < info.plain) info.set(st.obj(), i, v[i]);
            else if (i != info.discriminatorIdx) st.refsPending = true; // the new key's object is found or loaded with the rest of the result
        }
        st.snapshot = Values.snapshotOf(v);
        st.loadedEpoch = tx.epoch;
        st.ghost = false;
        if (info.toManys.length > 0) st.collectionsPending = true; // re-read: its collections load again on access
        if (info.inverseOnes.length > 0) st.refsPending = true; // re-read: its inverse one-to-ones load again with it
    }

    // ---- attribute writes on the session's behalf ---------------------------------------------------

    /** Sets an attribute on behalf of the session (an id, a version, a refreshed value), undoably. */
    public void writeAttribute(InstanceState s, int i, Object value) {
        touch(s).wrote(i, s.info.get(s.obj(), i), value);
        s.info.set(s.obj(), i, value);
    }

    /**
     * Sets the attributes of {@code obj} to {@code values} (attribute order), except the key attributes when
     * {@code keepKey}; see {@link #setSlot} and {@link #setReference}. False when a reference was left unset.
     */
    public boolean setSlots(Mapper info, Object obj, Object[] values, boolean load, boolean keepKey) {
        boolean all = true;
        for (int i = 0; i < info.plain; i++) {
            boolean key = false;
            if (keepKey) for (int x : info.idIdx) key |= x == i;
            if (!key) setSlot(info, obj, i, values[i]);
        }
        for (int k = 0; k < info.toOnes.length; k++) {
            if (keepKey && info.toOnes[k].keyAttributes().get(0).isId()) continue; // a derived id
            Object key = info.refKey(values, k);
            // a reference to a new object (no key yet): merge's MERGE cascade sets it, or refuses it (ObjectCascades.merge)
            if (key == Mapper.UNASSIGNED_KEY || key instanceof java.util.List<?> parts && parts.contains(Mapper.UNASSIGNED_KEY)) continue;
            all &= setReference(info, obj, k, key, load);
        }
        return all;
    }

    /** Sets own attribute (or discriminator, fixed by the class) slot {@code i} of {@code obj} to {@code value}. */
    public void setSlot(Mapper info, Object obj, int i, Object value) {
        if (i >= info.plain && i != info.discriminatorIdx)
            throw new IllegalStateException("internal: slot " + i + " of " + info.name + " is a reference's key column; "
                    + "use setReference");
        if (i < info.plain) info.set(obj, i, value);
    }

    /**
     * Sets reference {@code k} of {@code obj} to this session's object with key {@code refKey} (a
     * {@link Mapper#refKey} value): from the identity map, else loaded when {@code load} (one SELECT by key),
     * else left unset with false returned (the caller expires the object, so it is read again).
     */
    public boolean setReference(Mapper info, Object obj, int k, Object refKey, boolean load) {
        Object value = refKey;
        if (Values.same(info.referencedKey(obj, k), value)) return true;
        if (value == null) {
            info.toOnes[k].set(obj, null);
            return true;
        }
        Mapper target = info.toOneTarget(k);
        InstanceState t = identityMap.get(info.targetKey(k, value));
        Object related = t != null ? t.obj() : load ? host.load(target, info.targetKey(k, value)) : null;
        if (related == null && load)
            throw new IllegalStateException(info.name + "." + info.toOnes[k].name() + " references " + target.name + " "
                    + value + ", which has no row");
        info.toOnes[k].set(obj, related);
        return related != null;
    }
}
