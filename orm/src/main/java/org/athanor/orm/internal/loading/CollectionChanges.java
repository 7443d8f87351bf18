package org.athanor.orm.internal.loading;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.athanor.orm.internal.mapping.Mapper;
import org.athanor.orm.internal.uow.InstanceState;
import org.athanor.orm.internal.uow.LinkChanges;
import org.athanor.orm.mapping.Secondary;
import org.athanor.orm.mapping.ToMany;

/**
 * What a session knows of its objects' collection changes not flushed yet, beside their attributes
 * (SQLAlchemy's collection history): whether an object is modified ({@code session.is_modified}, which counts
 * relationship changes, and {@code session.dirty}), what a refresh discards, and the collections the application
 * replaced in their fields, which the flush adopts.
 *
 * <p>An owner's collections are modified when a collection's elements differ from what they held at the last flush
 * or load ({@link CollectionState#changedSinceFlush}: any kind, either side of a many-to-many, the old owner's
 * collection of a moved element), when a link or element-collection row of it waits to be written, or when its field
 * holds another collection than the session's (replaced). A reference set directly ({@code article.setWriter(w)})
 * modifies the article; {@code w}'s loaded collection shows it at the next flush, which makes them agree.
 */
public final class CollectionChanges {
    private CollectionChanges() {}

    /** True when the next flush would write something for {@code st}'s object, or its collections changed. */
    public static boolean isModified(Loading.Host s, InstanceState st) {
        if (st.status == InstanceState.Status.PENDING || st.marked) return true;
        if (st.status == InstanceState.Status.DELETED) return false;
        return st.changedAttributes(st.info.read(st.obj())) != null || collectionsChanged(s, st, s.uow().links.names(st.obj()));
    }

    /** The persistent objects (not marked for deletion) whose attributes or collections changed, in identity-map order. */
    public static List<Object> dirty(Loading.Host s) {
        Set<Object> named = Collections.newSetFromMap(new IdentityHashMap<>());
        named.addAll(s.uow().links.objects());
        List<Object> out = new ArrayList<>();
        for (InstanceState st : s.uow().identityMap.toArray())
            if (!st.marked && (st.changedAttributes(st.info.read(st.obj())) != null || collectionsChanged(s, st, named.contains(st.obj()))))
                out.add(st.obj());
        return out;
    }

    private static boolean collectionsChanged(Loading.Host s, InstanceState st, boolean named) {
        if (named) return true;
        if (st.ghost || st.collectionsPending) return false; // its collections are given when its row is read
        Mapper info = st.info;
        for (int m = 0; m < info.toManys.length; m++) {
            CollectionState cs = CollectionState.stateOf(s, st.obj(), info, m);
            if (cs == null || cs.changedSinceFlush()) return true;
        }
        return false;
    }

    /**
     * Whether a collection field of {@code st}'s object (persistent or pending, its collections given) holds another
     * collection than the session's: the application replaced it. The flush's dirty check asks this of every object
     * it walks, so the flush adopts the replaced collections of the objects that walk returns ({@link #adoptReplaced}).
     */
    public static boolean replaced(Loading.Host s, InstanceState st) {
        if (st.ghost || st.collectionsPending) return false;
        Mapper info = st.info;
        for (int m = 0; m < info.toManys.length; m++) if (CollectionState.stateOf(s, st.obj(), info, m) == null) return true;
        return false;
    }

    /**
     * A refresh discards {@code st}'s unflushed collection changes with its attributes (SQLAlchemy and Hibernate): its
     * link and element-collection rows not written yet are dropped (a loaded collection on the other side of a
     * many-to-many takes back what it held), and the histories of its collections end; the re-read gives it fresh
     * collections, loaded from the database on access. A {@code @OneToMany(mappedBy)}'s rows are its elements': an
     * element's reference changed through the collection stays the element's change (refresh the element too).
     */
    public static void discard(Loading.Host s, InstanceState st) {
        Mapper info = st.info;
        for (int m = 0; m < info.toManys.length; m++) discard(s, st.obj(), info, m);
        s.uow().links.forgetHistory(st.obj());
    }

    private static void discard(Loading.Host s, Object owner, Mapper info, int m) {
        ToMany t = info.toManys[m];
        LinkChanges links = s.uow().links;
        if (t.isElementCollection()) links.forget(info.toManySecondary(m), owner, true);
        if (!t.isManyToMany()) return;
        Secondary sec = info.toManySecondary(m);
        Map<Object, Boolean> dropped = links.forget(sec.owning() ? sec : sec.flipped(), owner, sec.owning());
        for (Map.Entry<Object, Boolean> e : dropped.entrySet())
            ManyToManyCollections.revertMirror(s, owner, info, m, e.getKey(), e.getValue());
    }

    /**
     * Before a flush: each collection of {@code states} whose field no longer holds the session's collection (the
     * application put another collection, or null, in it) becomes the session's again, holding what the new one
     * holds, as SQLAlchemy and Hibernate treat a replaced collection. An element collection is written as a whole
     * ({@link ElementValues#adopt}). An entity collection of a persistent owner drops its unflushed link changes, is
     * loaded as the database has it (one select per relationship and chunk of owners), then made to hold the new
     * elements through its own remove and add, so the elements' references, the link rows, the other side and the
     * save-update cascade follow as for any collection change. Returns whether any collection was adopted.
     */
    public static boolean adoptReplaced(Loading.Host s, Collection<InstanceState> states) {
        Map<CollectionState, Collection<?>> given = new LinkedHashMap<>();
        Map<Mapper, Map<Integer, List<CollectionState>>> unloaded = new LinkedHashMap<>();
        boolean adoptedValues = false;
        for (InstanceState st : states) {
            if (!replaced(s, st)) continue;
            Mapper info = st.info;
            Object owner = st.obj();
            for (int m = 0; m < info.toManys.length; m++) {
                if (CollectionState.stateOf(s, owner, info, m) != null) continue;
                ToMany t = info.toManys[m];
                Object field = t.get(owner);
                if (t.isElementCollection()) {
                    ElementValues.adopt(s, st, m, field);
                    adoptedValues = true;
                    continue;
                }
                boolean persistent = st.status == InstanceState.Status.PERSISTENT;
                if (persistent) discard(s, owner, info, m);
                CollectionState cs = CollectionState.install(s, owner, info, m, null, persistent ? null : new ArrayList<>());
                cs.ownerState = st;
                given.put(cs, field instanceof Collection<?> c ? new ArrayList<>(c) : List.of());
                if (persistent) unloaded.computeIfAbsent(info, k -> new java.util.TreeMap<>()).computeIfAbsent(m, k -> new ArrayList<>()).add(cs);
            }
        }
        for (Map<Integer, List<CollectionState>> byRelation : unloaded.values())
            for (List<CollectionState> l : byRelation.values()) CollectionState.loadForFlush(l);
        for (Map.Entry<CollectionState, Collection<?>> e : given.entrySet()) {
            CollectionState cs = e.getKey();
            @SuppressWarnings("unchecked") Collection<Object> own = (Collection<Object>) cs.relation().get(cs.owner);
            Set<Object> keep = Collections.newSetFromMap(new IdentityHashMap<>());
            keep.addAll(e.getValue());
            own.removeIf(x -> !keep.contains(x));
            Set<Object> in = Collections.newSetFromMap(new IdentityHashMap<>());
            in.addAll(own);
            for (Object x : e.getValue()) if (in.add(x)) own.add(x);
        }
        return !given.isEmpty() || adoptedValues;
    }
}
