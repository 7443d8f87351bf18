package org.athanor.orm.internal.flush;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.athanor.orm.internal.mapping.Mapper;
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

    static Work collect(UnitOfWork uow) {
        List<InstanceState> inserts = Arrays.asList(uow.pending.toArray()); // in add() order
        List<Dirty> updates = new ArrayList<>();
        boolean allHeld = uow.identityMap.neverReplaced();
        List<InstanceState> held = allHeld ? null : new ArrayList<>();
        // every attached object pending (a bulk add into a fresh session): none can be dirty or marked
        if (uow.attachedCount() != uow.pending.size()) uow.forEachAttached(st -> { // reads only, and builds no index (the identity map's puts stay deferred)
            if (st.marked || st.status != InstanceState.Status.PERSISTENT) return;
            if (allHeld) addIfDirty(st, updates);
            else held.add(st);
        });
        // a state whose key another state took over (its row was deleted and the key reused) is not written
        if (held != null) for (InstanceState st : held) if (uow.identityMap.holds(st)) addIfDirty(st, updates);
        return new Work(inserts, updates, new ArrayList<>(uow.marked));
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
            if (shared != null && !Mapper.same(st.info.refKey(values, k), values[shared.index()]))
                throw keyReferenceChanged(st, k, st.info.refKey(values, k));
        }
        for (int k = 0; k < st.info.idIdx.length; k++) {
            Object now = values[st.info.idIdx[k]];
            if (!Mapper.same(now, st.key().value(k)) && st.info.idIdx[k] >= st.info.plain)
                throw keyReferenceChanged(st, st.info.slotReference(st.info.idIdx[k]), now);
            if (!Mapper.same(now, st.key().value(k)))
                throw new IllegalStateException("the primary key of persistent " + st.key() + " was changed to " + now
                        + "; primary keys of persistent objects cannot change (delete it and add a new one)");
        }
    }
}
