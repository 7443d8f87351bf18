package org.athanor.orm.internal.flush;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.athanor.orm.internal.mapping.Mapper;
import org.athanor.orm.internal.mapping.Values;
import org.athanor.orm.internal.uow.InstanceState;
import org.athanor.orm.internal.uow.UnitOfWork;
import org.athanor.orm.mapping.Callbacks;

/**
 * The collect step of a flush: what the unit of work holds that the database does not have yet
 * (pending objects, persistent objects whose attributes differ from their snapshot, marked objects).
 * Reads only: no state changes here (PreUpdate callbacks may change the objects themselves).
 */
final class DirtyCheck {
    private DirtyCheck() {}

    /** A persistent object with changed attributes, and its current values. */
    record Dirty(InstanceState state, int[] changed, Object[] values) {}

    /** What one flush writes: inserts in add order, updates in attachment order, deletes in mark order. */
    record Work(List<InstanceState> inserts, List<Dirty> updates, List<InstanceState> deletes) {
        boolean isEmpty() { return inserts.isEmpty() && updates.isEmpty() && deletes.isEmpty(); }
    }

    /**
     * The persistent objects, not marked for deletion, whose attributes differ from their snapshot (or that have none),
     * or that hold a collection the application replaced in its field: the one walk a flush makes over the session's
     * attached objects, in attachment order, whatever the mapping. Reads only, and builds no index (the identity map's
     * deferred puts stay deferred). The reference cascade follows these objects' references and adopts their replaced
     * collections, and {@link #collect} turns them into updates. A session holding only pending objects is not walked
     * at all (the cascade follows every pending object).
     */
    static List<InstanceState> changed(UnitOfWork uow) {
        if (uow.attachedCount() == uow.pending.size()) return List.of(); // a bulk add into a fresh session: nothing persistent
        List<InstanceState> out = new ArrayList<>();
        // the loaded rows that have no state yet are checked as they are: a state is made only for a row that differs
        // (or whose class has collections, to be checked with its state), and then checked as every state is
        uow.forEachAttachedOrRow(st -> {
            if (st.marked || st.status != InstanceState.Status.PERSISTENT) return;
            Mapper info = st.info;
            if (differs(info, st.obj(), st.snapshot) || info.toManys.length > 0 && uow.collectionsReplaced(st)) out.add(st);
        }, (info, obj, snapshot) -> info.toManys.length > 0 || differs(info, obj, snapshot));
        return out;
    }

    /**
     * Whether any attribute of {@code obj} (of class {@code info}) differs from its snapshot {@code snap} (or it has
     * none). The plain attributes are compared in one call to the class's accessor (the generated one compares the
     * fields in line, by their types), each reference's key without the checks an unchanged reference does not need;
     * most objects of a flush are unchanged.
     */
    private static boolean differs(Mapper info, Object obj, Object[] snap) {
        if (snap == null) return true;
        if (info.plain > 0 && info.mapping.accessor().differs(obj, snap)) return true;
        // each reference's key slots (one, or one per column of a composite target key; the Mapper's slot and width
        // arrays, made once), then the discriminator
        org.athanor.orm.mapping.ToOne[] refs = info.toOnes;
        for (int k = 0; k < refs.length; k++) if (referenceDiffers(info, k, refs[k].get(obj), info.refKey(snap, k))) return true;
        int d = info.discriminatorIdx;
        return d >= 0 && !Values.same(info.get(obj, d), snap[d]);
    }

    /** Whether reference {@code k}, holding {@code ref}, names another key than {@code was} (as {@link Mapper#referencedKey}). */
    private static boolean referenceDiffers(Mapper info, int k, Object ref, Object was) {
        if (ref == null) return was != null;
        Mapper target = info.toOneTarget(k);
        int idSlot = target.simpleIdSlot;
        if (idSlot < 0 || idSlot >= target.plain || was == null || was == Mapper.UNASSIGNED_KEY || !target.type.isInstance(ref))
            return !Values.same(info.referencedKeyOf(k, ref), was); // the general rule (and its error for a wrong type)
        if (target.mapping.accessor().differs(ref, idSlot, was)) return true;
        // an id equal to the snapshot's is the key unless it is the generated id's unassigned value (0 in a primitive
        // field): the id equals was, so was tells
        org.athanor.orm.mapping.Attribute g = target.generatedId;
        return g != null && g.isUnsetId(was);
    }

    /**
     * What the flush writes: the pending objects, the {@code changed} ones (from {@link #changed}, made after every
     * cascade) whose attributes still differ, and the marked ones. A state whose key another state took over (its row
     * was deleted and the key reused) is not written.
     */
    static Work collect(UnitOfWork uow, List<InstanceState> changed) {
        List<InstanceState> inserts = uow.pending.isEmpty() ? List.of() : Arrays.asList(uow.pending.toArray()); // in add() order
        List<Dirty> updates = new ArrayList<>();
        boolean allHeld = uow.identityMap.neverReplaced();
        for (InstanceState st : changed) {
            // verifyReattached may have made an unverified one pending since
            if (!st.attached || st.marked || st.status != InstanceState.Status.PERSISTENT) continue;
            if (allHeld || uow.identityMap.holds(st)) addIfDirty(st, updates);
        }
        return new Work(inserts, updates, uow.marked.isEmpty() ? List.of() : new ArrayList<>(uow.marked));
    }

    private static void addIfDirty(InstanceState st, List<Dirty> updates) {
        Object[] values = st.valuesIfChanged();
        if (values == null) return;
        checkKeyUnchanged(st, values);
        int[] changed = st.changedAttributes(values);
        if (changed == null) return;
        Callbacks cb = st.info.callbacks;
        if (cb != null && cb.has(Callbacks.PRE_UPDATE)) {
            // JPA: only for an object that is dirty, before its UPDATE is built: what it changes is written too
            cb.fire(Callbacks.PRE_UPDATE, st.obj());
            values = st.info.read(st.obj());
            checkKeyUnchanged(st, values);
            changed = st.changedAttributes(values);
            if (changed == null) return;
        }
        updates.add(new Dirty(st, changed, values));
    }

    /** A reference that is part of the primary key ({@code @Id} or {@code @MapsId} on it) now names another object. */
    private static IllegalStateException keyReferenceChanged(InstanceState st, int k, Object now) {
        return new IllegalStateException("the reference " + st.info.name + "." + st.info.toOnes[k].name() + " of persistent "
                + st.key() + " was changed to " + (now == null ? "null" : now == Mapper.UNASSIGNED_KEY ? "a new object"
                : "the object with key " + now) + "; it is part of the primary key (a derived identity), and primary keys of "
                + "persistent objects cannot change (delete it and add a new one)");
    }

    static void checkKeyUnchanged(InstanceState st, Object[] values) {
        for (int k = 0; k < st.info.toOnes.length; k++) {
            org.athanor.orm.mapping.Attribute shared = st.info.toOnes[k].mapsId();
            // @MapsId is refused on a reference to a composite key: a shared key is one column
            if (shared != null && !Values.same(st.info.refKey(values, k), values[shared.index()]))
                throw keyReferenceChanged(st, k, st.info.refKey(values, k));
        }
        for (int k = 0; k < st.info.idIdx.length; k++) {
            Object now = values[st.info.idIdx[k]];
            if (!Values.same(now, st.key().value(k)) && st.info.idIdx[k] >= st.info.plain)
                throw keyReferenceChanged(st, st.info.slotReference(st.info.idIdx[k]), now);
            if (!Values.same(now, st.key().value(k)))
                throw new IllegalStateException("the primary key of persistent " + st.key() + " was changed to " + now
                        + "; primary keys of persistent objects cannot change (delete it and add a new one)");
        }
    }
}
