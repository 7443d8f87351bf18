package org.athanor.orm;

import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.athanor.orm.internal.loading.CollectionState;
import org.athanor.orm.internal.loading.Loading;
import org.athanor.orm.internal.mapping.Mapper;
import org.athanor.orm.internal.uow.InstanceState;
import org.athanor.orm.mapping.Cascading;
import org.athanor.orm.mapping.InverseOne;
import org.athanor.orm.mapping.ToMany;
import org.athanor.orm.mapping.ToOne;

/**
 * The merge, refresh-expire and expunge cascades ({@code cascade = MERGE, REFRESH, DETACH} or {@code ALL};
 * SQLAlchemy's {@code merge}, {@code refresh-expire}, {@code expunge}) along every kind of relationship:
 * references ({@code @ManyToOne}, owning {@code @OneToOne}), inverse one-to-ones and collections
 * ({@code @OneToMany}, {@code @ManyToMany}). Each follows what is <em>loaded</em> only, as SQLAlchemy does (an
 * unloaded collection or an unloaded lazy proxy holds nothing the session knows of), and each object once (two
 * sides cascading to each other end there).
 */
final class ObjectCascades {
    private ObjectCascades() {}

    private enum Kind { REFRESH, DETACH }

    /**
     * {@code start} and the objects its loaded collections with the cascade reach, transitively, in the order met
     * ({@code start} first); only objects of this session, and for REFRESH persistent ones.
     */
    private static List<InstanceState> reach(Session session, InstanceState start, Kind kind) {
        List<InstanceState> out = new ArrayList<>();
        Set<Object> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        out.add(start);
        seen.add(start.obj());
        for (int i = 0; i < out.size(); i++) {
            InstanceState st = out.get(i);
            Mapper info = st.info;
            for (int m = 0; m < info.toManys.length; m++) {
                ToMany r = info.toManys[m];
                if (!(kind == Kind.REFRESH ? r.cascadeRefresh() : r.cascadeDetach())) continue;
                CollectionState cs = CollectionState.stateOf(session.loadHost, st.obj(), info, m);
                if (cs == null || cs.items == null) continue;
                for (Object e : cs.items) reached(session, e, kind, seen, out);
            }
            for (ToOne r : info.toOnes)
                if (follows(r.cascading(), kind)) reached(session, r.get(st.obj()), kind, seen, out);
            for (InverseOne r : info.inverseOnes)
                if (follows(r.cascading(), kind)) reached(session, r.get(st.obj()), kind, seen, out);
        }
        return out;
    }

    private static boolean follows(Cascading c, Kind kind) { return kind == Kind.REFRESH ? c.refresh() : c.detach(); }

    /**
     * Adds {@code e}'s state to {@code out} when it is an object of this session met for the first time; for REFRESH
     * only persistent, loaded ones (an unloaded proxy has nothing to re-read: it loads from the row when first used).
     */
    private static void reached(Session session, Object e, Kind kind, Set<Object> seen, List<InstanceState> out) {
        if (e == null) return;
        InstanceState es = session.stateOf(e);
        if (es == null || !seen.add(e)) return;
        if (kind == Kind.REFRESH && (es.status != InstanceState.Status.PERSISTENT || es.ghost)) return;
        out.add(es);
    }

    /** What {@link Session#expunge} removes: the object, then what its DETACH cascades reach. */
    static List<InstanceState> toExpunge(Session session, InstanceState s) { return reach(session, s, Kind.DETACH); }

    /**
     * {@link Session#refresh} of {@code s}: its row is re-read (one SELECT), then the objects its REFRESH cascades
     * reach through loaded collections, one {@code SELECT ... WHERE id IN (...)} per class and chunk (never one per
     * object). Their unflushed changes are discarded, their collections re-read on access. A related object whose
     * row is gone is named in the error raised after the others were re-read.
     */
    static void refresh(Session session, InstanceState s) {
        List<InstanceState> all = reach(session, s, Kind.REFRESH);
        if (!Loading.reload(session.loadHost, s, false))
            throw new IllegalStateException("refresh(): the row of " + s.key() + " no longer exists");
        if (all.size() == 1) return;
        Map<Mapper, List<InstanceState>> byClass = new LinkedHashMap<>();
        for (InstanceState st : all.subList(1, all.size())) byClass.computeIfAbsent(st.info, k -> new ArrayList<>()).add(st);
        List<Object> gone = new ArrayList<>();
        for (Map.Entry<Mapper, List<InstanceState>> e : byClass.entrySet())
            for (InstanceState st : Loading.reloadAll(session.loadHost, e.getKey(), e.getValue())) gone.add(st.key());
        if (!gone.isEmpty())
            throw new IllegalStateException("refresh(" + s.key() + "): cascade = REFRESH reached " + gone + ", whose rows no longer "
                    + "exist (deleted since they were read); the other objects were re-read");
    }

    /**
     * {@link Session#merge}'s MERGE cascade: after {@code given} was merged onto {@code target} (this session's
     * object), each collection with the cascade whose value on {@code given} is known (a plain collection, or the
     * ORM's loaded one) makes {@code target}'s collection hold the merged copies of its elements:
     * elements missing are added (at the end), others removed, through the collection itself (so the link rows, the other
     * side and the save-update cascade follow as for any collection change). {@code merged} maps the objects
     * merged so far (given to session objects), so an object reached twice, or a cycle, is merged once.
     */
    static void merge(Session session, Mapper info, Object given, Object target, Map<Object, Object> merged) {
        for (ToOne r : info.toOnes) {
            Object ref = r.get(given);
            if (ref == null) continue; // the copied key already cleared the target's reference
            if (!r.cascading().merge()) {
                // the copied key named the session's object for that row; a new related object has no key to copy
                if (session.registry().info(ref.getClass()).keyOfObject(ref) != null) continue;
                if (session.stateOf(ref) == null)
                    throw new IllegalStateException("merge(): " + info.name + "." + r.name() + " references a new "
                            + ref.getClass().getSimpleName() + " that is in no session; put cascade = MERGE on " + info.name + "."
                            + r.name() + ", or add or merge the " + ref.getClass().getSimpleName() + " first");
                if (r.get(target) != ref) r.set(target, ref); // this session's new object: inserted first by the flush
                continue;
            }
            Object c = session.attaching.merge(ref, merged);
            if (r.get(target) != c) r.set(target, c); // a new related object: the flush inserts it first and writes its key
        }
        for (InverseOne r : info.inverseOnes) {
            if (!r.cascading().merge()) continue;
            Object ref = r.get(given);
            Object c = ref == null ? null : session.attaching.merge(ref, merged);
            if (r.get(target) != c) r.set(target, c); // the flush writes the owning side to match
        }
        for (int m = 0; m < info.toManys.length; m++) {
            ToMany r = info.toManys[m];
            if (!r.cascadeMerge()) continue;
            Collection<?> elements = CollectionState.elementsOf(r.get(given));
            if (elements == null) continue; // not loaded where it came from: its elements are unknown, left as they are
            @SuppressWarnings("unchecked") Collection<Object> own = (Collection<Object>) r.get(target);
            own.size(); // loaded first (one batched select), so the elements merged next are found in the identity map
            List<Object> copies = new ArrayList<>();
            for (Object e : new ArrayList<>(elements)) {
                if (e == null)
                    throw new IllegalArgumentException("merge(): " + info.name + "." + r.name() + " of the given object holds null");
                Object c = session.attaching.merge(e, merged);
                if (!copies.contains(c)) copies.add(c);
            }
            Set<Object> keep = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
            keep.addAll(copies);
            own.removeIf(x -> !keep.contains(x));
            for (Object c : copies) if (!containsSame(own, c)) own.add(c);
        }
    }

    private static boolean containsSame(Collection<Object> c, Object o) {
        for (Object x : c) if (x == o) return true;
        return false;
    }
}
