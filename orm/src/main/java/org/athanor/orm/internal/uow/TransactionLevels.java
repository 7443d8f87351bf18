package org.athanor.orm.internal.uow;

import org.athanor.orm.internal.mapping.Mapper;
import org.athanor.orm.internal.mapping.Values;

import java.util.ArrayList;
import java.util.List;
import org.athanor.core.engine.NestedTransaction;

/**
 * The session's transaction as the session sees it (the inside of SQLAlchemy's SessionTransaction):
 * the outer level and one {@link TxLevel} per open savepoint, the epochs that date loads and expiry,
 * and what the session restores when the database rolls a level back. The Session owns the
 * connection and the public methods; this class owns nesting and the rollback rules (see the Session
 * class comment for the rules themselves). Only the unit of work and the Session drive it.
 */
public final class TransactionLevels {
    private final UnitOfWork uow;
    /** The outer transaction, then one level per open savepoint. */
    private TxLevel outer;
    /** One level per open savepoint, innermost last: made at the first savepoint (most sessions open none). */
    private TxLevel[] nested;
    private int nestedCount;
    /** Moves on when a transaction level begins and at commit; loads stamp objects with it. */
    public long epoch = 1;
    /** How many levels were restored (rolled back) so far: references may have moved back without a collection operation. */
    private long restores;
    /** Objects loaded before this epoch are expired. */
    private long expiredBefore;

    TransactionLevels(UnitOfWork uow) {
        this.uow = uow;
        outer = newLevel(null);
    }

    /** Level {@code i}: the outer one (0), then the savepoints' in the order opened. */
    private TxLevel level(int i) { return i == 0 ? outer : nested[i - 1]; }

    private TxLevel newLevel(NestedTransaction savepoint) { return new TxLevel(savepoint, ++epoch); }

    /** The innermost level: where changes are recorded. */
    public TxLevel current() { return nestedCount == 0 ? outer : nested[nestedCount - 1]; }

    /** The number of open savepoints. */
    public int savepoints() { return nestedCount; }

    public boolean isOpen(TxLevel l) {
        for (int i = 0; i <= nestedCount; i++) if (level(i) == l) return true;
        return false;
    }

    public boolean isExpired(InstanceState s) { return s.ghost || s.loadedEpoch < expiredBefore; }

    /** A savepoint the database has just opened. */
    public TxLevel open(NestedTransaction savepoint) {
        TxLevel l = newLevel(savepoint);
        if (nested == null) nested = new TxLevel[2];
        else if (nestedCount == nested.length) nested = java.util.Arrays.copyOf(nested, 2 * nestedCount);
        nested[nestedCount++] = l;
        return l;
    }

    public void requireInnermost(TxLevel l) {
        if (!isOpen(l)) throw new IllegalStateException("this savepoint has already ended");
        if (current() != l) throw new IllegalStateException("a savepoint opened later is still open; end it first");
    }

    /** The database released savepoint {@code l} (the innermost): its work joins the enclosing level. */
    public void released(TxLevel l) {
        nested[--nestedCount] = null;
        current().absorb(l);
    }

    /** How many levels this session's rollbacks have restored so far (see {@link #restore(TxLevel, boolean)}). */
    public long restores() { return restores; }

    /** The database rolled back to savepoint {@code l} (the innermost): discard its work in the session. */
    public void rolledBack(TxLevel l) {
        nested[--nestedCount] = null;
        restore(l);
        uow.dropLinks(); // many-to-many changes not flushed: the collections they came from reload on access
    }

    /**
     * The outer transaction committed: objects deleted by its flushes are among the objects it changed,
     * and leave the session; a fresh outer level begins (expiring what was loaded when {@code expire}).
     */
    public void committed(boolean expire) {
        TxLevel outer = this.outer;
        if (outer.deletes)
            for (InstanceState s : outer.touched())
                if (s.attached && s.status == InstanceState.Status.DELETED) uow.detach(s);
        outer.forget();
        if (expire) expiredBefore = ++epoch;
        this.outer = newLevel(null); // no savepoint is open: commit() refuses while one is
    }

    /** A closing session's rollback: every level undone, innermost first, without expiring (all is detached next). */
    public void discardAll() {
        for (int i = nestedCount; i >= 0; i--) restore(level(i), false);
        uow.links.clear();
    }

    /** Undoes every level, innermost first, and starts a fresh outer level. */
    public void restoreAll() {
        for (int i = nestedCount; i >= 0; i--) restore(level(i));
        uow.dropLinks();
        while (nestedCount > 0) nested[--nestedCount] = null;
        outer = newLevel(null);
    }

    /**
     * Discards, in the session, the work of a level the database has just rolled back (SQLAlchemy's
     * {@code _restore_snapshot}), so that nothing rolled back is ever written again:
     * <ul>
     * <li>objects that became persistent in the level (inserted by its flushes) and objects still
     *     pending are expunged: transient again, with the ids and versions the session wrote cleared;
     * <li>objects deleted in the level (flushed or only marked) are persistent again, not marked;
     * <li>persistent objects take back the database's values as the session knew them before the
     *     level (their snapshots), dropping unflushed changes, and are expired, so that the next
     *     {@code get}, query or {@code refresh} re-reads them. For the outer transaction that is every
     *     persistent object (another transaction may have changed any row meanwhile); for a savepoint,
     *     the objects the savepoint wrote, read or changed.
     * </ul>
     * Why restore the fields as well as expire: without bytecode enhancement an expired object is
     * only re-read when the session hands it out again, and the application may hold a reference
     * meanwhile; with its fields equal to its snapshot, no flush can find a rolled-back change in it.
     */
    private void restore(TxLevel l) { restore(l, true); }

    /** {@link #restore(TxLevel)}; {@code expire} false skips the objects' expiry (a closing session drops them anyway). */
    private void restore(TxLevel l, boolean expire) {
        restores++;
        boolean outer = l.savepoint == null;
        InstanceState[] touched = l.touched();
        // take the identities the level gave out of the map first: keys come back below
        for (InstanceState s : touched) if (s.attached && s.memento != null && s.memento.level == l) uow.identityMap.remove(s);
        List<InstanceState> restored = new ArrayList<>();
        for (InstanceState s : touched) {
            TxLevel.Memento m = s.memento;
            if (m == null || m.level != l) continue;
            s.memento = m.prev;
            if (!s.attached) continue; // expunged since
            s.bulkDeleted = false;
            if (m.sharedInsert) {
                // inserted with a generated id: the id the session wrote is the one the key holds
                int i = s.info.generatedId.index();
                if (s.key() != null && Values.same(s.info.get(s.obj(), i), s.key().value(0))) s.info.set(s.obj(), i, s.info.unsetIdValue());
            } else m.forEachWritten((i, before, after) -> {
                // the session writes own attributes only (ids, versions); a reference is restored by expireDiscarding
                if (Values.same(s.info.get(s.obj(), i), after)) uow.setSlot(s.info, s.obj(), i, before);
            });
            s.snapshot = m.snapshot;
            s.setKey(m.key);
            uow.marked.remove(s);
            s.marked = false;
            if (m.status == InstanceState.Status.PENDING) {
                uow.detach(s); // its INSERT was rolled back
            } else if (m.status == InstanceState.Status.DELETED) {
                s.status = InstanceState.Status.DELETED; // deleted by an enclosing level, which goes on
            } else {
                s.status = InstanceState.Status.PERSISTENT;
                uow.pending.remove(s); // a re-attached object the flush found without a row and made pending
                uow.identityMap.put(s);
                restored.add(s);
            }
        }
        // work asked for since the level began and never flushed: for a savepoint, beginNested()
        // flushed everything before it, so all of it dates from after the savepoint
        for (InstanceState s : uow.pending.toArray()) uow.detach(s);
        for (InstanceState s : uow.marked) s.marked = false;
        uow.marked.clear();
        if (!expire) return;
        long start = l.startEpoch;
        for (InstanceState s : restored) expireDiscarding(s);
        uow.identityMap.forEach(s -> {
            if (outer || s.loadedEpoch >= start || s.snapshot == null || s.valuesIfChanged() != null) expireDiscarding(s);
        });
    }

    /**
     * Puts a persistent object's attributes back to its snapshot and expires it (see {@link #restore(TxLevel)}).
     * An object with no snapshot (re-attached, never flushed) takes its current values as one: the
     * session does not know the row's, and must not write them; the re-read on next hand-out fixes them.
     */
    private void expireDiscarding(InstanceState s) {
        Object[] snap = s.snapshot;
        if (snap == null) s.snapshot = s.info.ownSnapshot(s.info.read(s.obj()));
        else {
            for (int i = 0; i < s.info.plain; i++) {
                Object was = snap[i];
                if (!Values.same(s.info.get(s.obj(), i), was)) uow.setSlot(s.info, s.obj(), i, was instanceof byte[] b ? b.clone() : was);
            }
            // a reference whose object is not in the map stays as it is: the re-read on next hand-out restores it
            for (int k = 0; k < s.info.toOnes.length; k++) uow.setReference(s.info, s.obj(), k, s.info.refKey(snap, k), false);
        }
        s.loadedEpoch = -1;
        // a loaded collection may hold what the rollback undid: unloaded again, it reloads on access
        // (with the rest of its result, as the first time)
        if (s.info.toManys.length > 0) uow.host.unloadCollections(s);
    }
}
