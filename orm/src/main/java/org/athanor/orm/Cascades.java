package org.athanor.orm;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.athanor.orm.internal.loading.CollectionState;
import org.athanor.orm.internal.loading.CollectionChanges;
import org.athanor.orm.internal.loading.Loading;
import org.athanor.orm.internal.mapping.Mapper;
import org.athanor.orm.internal.mapping.Values;
import org.athanor.orm.internal.uow.InstanceState;
import org.athanor.orm.internal.uow.UnitOfWork;
import org.athanor.orm.mapping.ToOne;

/**
 * A session's relationship cascades (SQLAlchemy's save-update and delete cascades): adding what a new
 * object references or collects, and making references and loaded collections agree before a flush.
 * Moved out of Session unchanged; the methods reach the session through the delegates below, named as
 * the Session's own, so edits to these methods merge by name.
 */
final class Cascades {
    private final Session session;
    private final Registry registry;
    private final UnitOfWork uow;
    private final Loading.Host loadHost;

    Cascades(Session session) {
        this.session = session;
        this.registry = session.registry();
        this.uow = session.uow;
        this.loadHost = session.loadHost;
    }

    private InstanceState stateOf(Object entity) { return session.stateOf(entity); }
    private InstanceState addInternal(Object entity) {
        mutated = true;
        return session.attaching.addInternal(entity);
    }
    private void expunge(Object entity) {
        mutated = true;
        session.expunge(entity);
    }
    private void delete(Object entity) {
        mutated = true;
        session.delete(entity);
    }

    /**
     * Set while {@link #cascadeReferences} runs when it attached, expunged, deleted or changed an object's attribute:
     * the dirty check's walk made before it is then stale and is made again.
     */
    private boolean mutated;

    /**
     * Save-update cascade along references (SQLAlchemy's default, JPA's cascade = PERSIST): the new
     * objects {@code s}'s references hold are added too, so that the flush inserts them first.
     */
    void addReferenced(InstanceState s) {
        Mapper info = s.info;
        for (int k = 0; k < info.toOnes.length; k++) {
            Object related = info.toOnes[k].get(s.obj());
            if (related != null && stateOf(related) == null) addInternal(related);
        }
    }

    /**
     * A new object's collections become the session's own, holding what the object's collections held
     * (null: empty); each element's reference is set to the object and the new elements are added.
     * The object's field then holds the ORM's collection: the application's original is not used again.
     */
    void adoptCollections(InstanceState s) {
        Mapper info = s.info;
        for (int m = 0; m < info.toManys.length; m++) {
            Object given = info.toManys[m].get(s.obj());
            CollectionState own = CollectionState.stateOf(loadHost, s.obj(), info, m);
            if (own != null) { // the session's already (the object was here before): what it holds is checked at the flush
                touched(own);
                continue;
            }
            CollectionState cs = CollectionState.install(loadHost, s.obj(), info, m, null, new ArrayList<>());
            // a bag of values (an element collection List) keeps its duplicates
            boolean bag = info.toManys[m].isElementCollection() && !info.toManys[m].isSet();
            if (given instanceof java.util.Collection<?> c)
                for (Object e : c) {
                    cs.checkElement(e);
                    if (bag || !cs.items.contains(e)) cs.items.add(e);
                    cs.linked(e);
                }
        }
    }

    /**
     * Objects a collection operation took out of a collection since the last flush (moved to another owner's
     * collection, or removed): their reference may name their snapshot's owner again while that owner's loaded
     * collection no longer holds them, so the next flush re-checks them (see {@link #cascadeReferences}).
     */
    private Set<Object> relinked = NONE;
    /** {@link #relinked} in the order the objects were taken out: the flush follows them in that order. */
    private final List<Object> relinkedInOrder = new ArrayList<>();
    /** No object relinked: most sessions never make one (the set is made at the first). */
    private static final Set<Object> NONE = Collections.emptySet();

    /** {@code element} was taken out of a collection by a collection operation (see {@link #relinked}). */
    void relinked(Object element) {
        if (relinked == NONE) relinked = Collections.newSetFromMap(new IdentityHashMap<>());
        if (relinked.add(element)) relinkedInOrder.add(element);
    }

    /**
     * The loaded collections the next flush checks element by element (see {@link #cascadeReferences}), in the order
     * they were touched: those a collection operation added to ({@code CollectionState.linked}), those of an object
     * attached again, those that held an object that left the session, and (found by the flush itself) those of the
     * owners that objects' references named before they changed. Every other loaded collection is consistent with its
     * elements' references as the last flush or load left it, so a flush of unchanged objects walks no collection.
     */
    private final List<CollectionState> touched = new ArrayList<>();
    /** {@link #touched} as a set, made at the first touched collection (most sessions touch none). */
    private Set<CollectionState> touchedSet;
    /** {@code uow.tx.restores()} at the last flush: a rollback since may have moved references back, so every loaded collection is checked. */
    private long restoresSeen;
    /** An object left the session (expunged) since the last flush: the loaded many-to-many collections are all synced. */
    private boolean left;

    /** Whether the flush follows {@code st}'s relationships: it has some, and is neither marked for deletion nor deleted. */
    private static boolean holds(InstanceState st) {
        return (st.info.toOnes.length > 0 || st.info.toManys.length > 0 || st.info.inverseOnes.length > 0) && !st.marked
                && st.status != InstanceState.Status.DELETED;
    }

    void touched(CollectionState cs) {
        if (touchedSet == null) touchedSet = Collections.newSetFromMap(new IdentityHashMap<>());
        if (touchedSet.add(cs)) touched.add(cs);
    }

    /**
     * {@code st} leaves the session (expunged): the loaded collections that may hold it are checked at the next flush
     * (the save-update cascade adds an element such a collection still holds back to the session).
     */
    void leaving(InstanceState st) {
        left = true;
        touchOwnersOf(st);
    }

    /**
     * The loaded collections that may hold {@code st}: the one its references name now, and the one they named at its
     * last load or flush (a reference set directly since is reflected there only by the flush).
     */
    private void touchOwnersOf(InstanceState st) {
        Mapper info = st.info;
        for (int k = 0; k < info.toOnes.length; k++) {
            int mirror = info.toOneMirror(k);
            if (mirror < 0) continue;
            touchCollectionOf(info.toOnes[k].get(st.obj()), info.toOneTarget(k), mirror);
            if (st.snapshot != null) touchCollectionOf(ownerByKey(info, k, info.refKey(st.snapshot, k)), info.toOneTarget(k), mirror);
        }
    }

    private void touchCollectionOf(Object owner, Mapper ownerInfo, int m) {
        if (owner == null) return;
        CollectionState cs = CollectionState.stateOf(loadHost, owner, ownerInfo, m);
        if (cs != null && cs.items != null) touched(cs);
    }

    /** The session's object with key {@code key} for reference {@code k} of {@code info}, or null. */
    private Object ownerByKey(Mapper info, int k, Object key) {
        if (key == null || key == Mapper.UNASSIGNED_KEY) return null;
        InstanceState o = uow.identityMap.get(info.targetKey(k, key));
        return o == null ? null : o.obj();
    }

    /**
     * Before a flush, relationships are made consistent (SQLAlchemy's save-update and delete cascades):
     * a deleted object's children — the objects whose reference names it now, whether its (loaded at
     * need) collection holds them or not — are deleted (cascade REMOVE; pending ones expunged) or get
     * their reference cleared; an element of its collection whose reference was set elsewhere is left
     * alone. Loaded collections of live objects drop elements whose reference now points elsewhere and
     * gain those that point at their owner (so a reference set directly shows in the loaded inverse
     * collection at this flush at the latest); new objects referenced or collected are added.
     *
     * <p>{@code dirty}: the persistent objects whose attributes differ from their snapshot, from the dirty check's
     * walk over the attached objects made just before ({@code Flusher.changed}). An object whose attributes all equal
     * its snapshot has every reference naming the key it was loaded or last flushed with, so only these, the pending
     * objects and the objects a collection operation moved are followed here: the flush of an unchanged session walks
     * its objects once, in the dirty check. Returns whether this attached, expunged, deleted or changed any object (the
     * dirty check's walk is then made again).
     */
    boolean cascadeReferences(List<InstanceState> dirty) {
        if (!registry.hasReferences()) return false;
        mutated = false;
        List<InstanceState> deleted = new ArrayList<>(uow.marked);
        // per reference, the attached objects naming each object: built once per flush, only when something is deleted
        Map<ToOne, Map<Object, List<Object>>> referrers = new IdentityHashMap<>();
        // level by level (the objects a cascade deletes are the next level): the level's unloaded collections are
        // loaded first, one select per relationship and chunk of owners
        for (int i = 0, level = 0; i < deleted.size(); i++) {
            if (i == level) level = loadCollectionsOf(deleted, i);
            InstanceState st = deleted.get(i);
            Mapper info = st.info;
            // a deleted object is followed by no reference pass (it holds nothing any more): a reference set since its
            // last flush must still take it out of the collection of the owner it named then
            touchOwnersOf(st);
            for (int m = 0; m < info.toManys.length; m++) {
                if (!needsElements(info.toManys[m])) continue;
                CollectionState cs = CollectionState.stateOf(loadHost, st.obj(), info, m);
                if (info.toManys[m].isManyToMany()) { // cascade REMOVE: the elements are deleted (their secondary rows by the flush)
                    for (Object e : new ArrayList<>(cs.items())) deleteOrDetach(e, null, true, deleted);
                    continue;
                }
                Mapper ei = info.toManyTarget(m);
                ToOne back = ei.toOnes[info.toManyBackRef(m)];
                List<Object> children = new ArrayList<>();
                Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
                for (Object e : cs.items()) if (back.get(e) == st.obj() && seen.add(e)) children.add(e);
                for (Object e : referrers.computeIfAbsent(back, b -> referrersOf(ei, b)).getOrDefault(st.obj(), List.of()))
                    if (seen.add(e)) children.add(e);
                for (Object e : children) deleteOrDetach(e, back, info.toManys[m].cascadeRemove(), deleted);
            }
            for (int j = 0; j < info.inverseOnes.length; j++) {
                Object e = info.inverseOnes[j].get(st.obj());
                org.athanor.orm.mapping.ToOne back = info.inverseOneTarget(j).toOnes[info.inverseOneBackRef(j)];
                if (e == null || back.get(e) != st.obj()) continue;
                deleteOrDetach(e, back, info.inverseOnes[j].cascadeRemove(), deleted);
            }
            for (ToOne r : info.toOnes) { // cascade = REMOVE on a reference: the referenced object goes too (after this row)
                if (!r.cascading().remove()) continue;
                Object ref = r.get(st.obj());
                if (ref != null) deleteOrDetach(ref, null, true, deleted);
            }
        }
        // A rollback since the last flush may have put references back (to their snapshot) without any collection
        // operation: then every reference is followed and every loaded collection checked, as if all had changed.
        boolean rolledBack = uow.tx.restores() != restoresSeen;
        // Every attached object with relationships is visited only when the walk needs them all: after a rollback, with
        // inverse one-to-ones (their fields are set from the owning side below), and for the many-to-many collections
        // after a delete or an expunge. Otherwise the objects to follow are the changed, pending and moved ones.
        // A delete clears its children's references (deleteOrDetach): those children are followed as well, by the walk.
        boolean all = rolledBack || registry.hasOneToOnes() || !deleted.isEmpty() || (left && registry.hasManyToMany());
        List<InstanceState> holders = new ArrayList<>();
        if (all) {
            // neither objects marked for deletion nor objects a flush deleted: their collections cascade nothing more
            uow.forEachAttached(st -> {
                if (holds(st)) holders.add(st);
            });
        } else {
            for (InstanceState st : dirty) if (holds(st)) holders.add(st);
            for (InstanceState st : uow.pending.toArray()) if (holds(st)) holders.add(st);
            if (!relinked.isEmpty()) {
                Set<InstanceState> in = Collections.newSetFromMap(new IdentityHashMap<>());
                in.addAll(holders);
                for (Object o : relinkedInOrder) {
                    InstanceState st = stateOf(o);
                    if (st != null && holds(st) && in.add(st)) holders.add(st);
                }
            }
        }
        // collections replaced in their fields are the session's again (the dirty check's walk returned their owners)
        if (CollectionChanges.adoptReplaced(loadHost, holders)) mutated = true;
        // inverse one-to-ones: a new object put in the field is adopted (its owning reference set, added);
        // the owning side is what is written, so afterwards each field shows what the owning side says
        for (InstanceState st : holders) {
            Mapper info = st.info;
            for (int j = 0; j < info.inverseOnes.length; j++) {
                Object e = info.inverseOnes[j].get(st.obj());
                if (e == null) continue;
                org.athanor.orm.mapping.ToOne back = info.inverseOneTarget(j).toOnes[info.inverseOneBackRef(j)];
                InstanceState es = stateOf(e);
                if (back.get(e) == null && (es == null || es.status == InstanceState.Status.PENDING)) {
                    back.set(e, st.obj());
                    mutated = true;
                }
                if (es == null && back.get(e) == st.obj()) addInternal(e);
            }
        }
        // References set since the last flush or load. A reference whose key is the one the object was loaded or last
        // flushed with needs nothing: that flush (or the load) put the object in its owner's loaded collection — unless a
        // collection operation took it out of a collection since ({@link #relinked}). Only the references set since,
        // those of relinked objects and those of objects without a snapshot (new, re-attached) are followed; the
        // collection of the owner a changed reference named before (its snapshot's key) is checked below.
        List<InstanceState> changed = new ArrayList<>();
        List<Integer> changedRef = new ArrayList<>();
        for (InstanceState st : holders) {
            Mapper info = st.info;
            Object[] snap = st.snapshot;
            for (int k = 0; k < info.toOnes.length; k++) {
                Object ref = info.toOnes[k].get(st.obj());
                Object was = snap == null ? null : info.refKey(snap, k);
                if (snap != null && !rolledBack && Values.same(info.referencedKeyOf(k, ref), was)
                        && (relinked.isEmpty() || !relinked.contains(st.obj()))) continue;
                int mirror = info.toOneMirror(k);
                if (mirror >= 0) touchCollectionOf(ownerByKey(info, k, was), info.toOneTarget(k), mirror);
                if (ref == null) continue;
                changed.add(st);
                changedRef.add(k);
            }
        }
        // The touched collections (all loaded ones after a rollback) drop elements whose reference now points elsewhere,
        // and add elements not in the session (save-update cascade).
        if (rolledBack) {
            for (InstanceState st : holders)
                for (int m = 0; m < st.info.toManys.length; m++) touchCollectionOf(st.obj(), st.info, m);
        } else if (!deleted.isEmpty() || left) {
            // a many-to-many collection may hold an object deleted or expunged since without any collection operation
            // (no reference names its owners): then every loaded many-to-many collection is synced
            for (InstanceState st : holders)
                for (int m = 0; m < st.info.toManys.length; m++)
                    if (st.info.toManys[m].isManyToMany()) touchCollectionOf(st.obj(), st.info, m);
        }
        for (int i = 0; i < touched.size(); i++) {
            CollectionState cs = touched.get(i);
            Object owner = cs.owner();
            InstanceState st = stateOf(owner);
            if (cs.items == null || st == null || st.marked || st.status == InstanceState.Status.DELETED || !cs.isCurrent()
                    || cs.relation().isElementCollection()) continue; // values: nothing to cascade
            if (cs.relation().isManyToMany()) { // no reference to follow: deleted elements leave, new ones are added
                ManyToManyCascades.sync(cs, this::stateOf, this::addInternal);
                continue;
            }
            ToOne back = cs.backRef();
            cs.items.removeIf(e -> back.get(e) != owner);
            for (Object e : cs.items) if (stateOf(e) == null) addInternal(e);
        }
        // then the changed references' objects join their new owner's loaded collection
        Map<CollectionState, Set<Object>> members = new IdentityHashMap<>();
        for (int i = 0; i < changed.size(); i++) {
            InstanceState st = changed.get(i);
            Mapper info = st.info;
            int k = changedRef.get(i);
            Object ref = info.toOnes[k].get(st.obj());
            int mirror = info.toOneMirror(k);
            InstanceState owner = stateOf(ref);
            if (owner == null) owner = addInternal(ref);
            if (mirror < 0 || owner.marked || owner.status == InstanceState.Status.DELETED) continue;
            CollectionState cs = CollectionState.stateOf(loadHost, ref, info.toOneTarget(k), mirror);
            if (cs == null || cs.items == null) continue;
            // an identity set per collection that gains elements here, built once: large collections stay linear
            Set<Object> in = members.computeIfAbsent(cs, c -> {
                Set<Object> set = Collections.newSetFromMap(new IdentityHashMap<>());
                set.addAll(c.items);
                return set;
            });
            if (in.add(st.obj())) cs.items.add(st.obj());
        }
        for (InstanceState st : holders) {
            Mapper info = st.info;
            for (int j = 0; j < info.inverseOnes.length; j++) {
                Object e = info.inverseOnes[j].get(st.obj());
                if (e != null && info.inverseOneTarget(j).toOnes[info.inverseOneBackRef(j)].get(e) != st.obj())
                    info.inverseOnes[j].set(st.obj(), null); // the related object now references another (or none)
            }
            for (int k = 0; k < info.toOnes.length; k++) {
                int mirror = info.toOneInverseMirror(k);
                Object ref = info.toOnes[k].get(st.obj());
                if (mirror < 0 || ref == null || stateOf(ref) == null) continue;
                info.toOneTarget(k).inverseOnes[mirror].set(ref, st.obj());
            }
        }
        relinked = NONE;
        relinkedInOrder.clear();
        touched.clear();
        if (touchedSet != null) touchedSet.clear();
        left = false;
        restoresSeen = uow.tx.restores();
        return mutated;
    }

    /**
     * A deleted object's collection is read at flush for a one-to-many (its children) and for a many-to-many with
     * cascade REMOVE (its elements); a many-to-many without it only loses its secondary rows, deleted by key.
     */
    /** An element collection's rows are deleted by the flush (values: no children to cascade to). */
    private static boolean needsElements(org.athanor.orm.mapping.ToMany r) {
        return !r.isElementCollection() && (!r.isManyToMany() || r.cascadeRemove());
    }

    /**
     * Installs and loads the unloaded collections the deleted objects {@code deleted[from..]} need
     * ({@link #needsElements}): one select per relationship and chunk of owners (CollectionLoading.loadForFlush), not
     * one per owner. Returns the end of that level (the objects deleted while it is processed form the next one).
     */
    private int loadCollectionsOf(List<InstanceState> deleted, int from) {
        int end = deleted.size();
        Map<Mapper, Map<Integer, List<CollectionState>>> unloaded = new java.util.LinkedHashMap<>();
        for (int i = from; i < end; i++) {
            InstanceState st = deleted.get(i);
            Mapper info = st.info;
            for (int m = 0; m < info.toManys.length; m++) {
                if (!needsElements(info.toManys[m])) continue;
                CollectionState cs = CollectionState.stateOf(loadHost, st.obj(), info, m);
                if (cs == null) cs = CollectionState.install(loadHost, st.obj(), info, m, null, null);
                if (cs.items == null && st.status == InstanceState.Status.PERSISTENT)
                    unloaded.computeIfAbsent(info, k -> new java.util.TreeMap<>()).computeIfAbsent(m, k -> new ArrayList<>()).add(cs);
            }
        }
        for (Map<Integer, List<CollectionState>> byRelation : unloaded.values())
            for (List<CollectionState> l : byRelation.values()) CollectionState.loadForFlush(l);
        return end;
    }

    /**
     * A child of a deleted object (an element of its collection, or the object of its inverse
     * one-to-one): with cascade REMOVE it is deleted (pending: expunged) and queued so its own children
     * follow; without, it stays, its reference to the deleted object cleared (as SQLAlchemy; a NOT NULL
     * key makes the database refuse). {@code back} is null for the element of a join-table collection (always cascaded).
     */
    private void deleteOrDetach(Object e, ToOne back, boolean cascadeRemove, List<InstanceState> deleted) {
        InstanceState es = stateOf(e);
        if (cascadeRemove) {
            if (es == null) return;
            if (es.status == InstanceState.Status.PENDING) expunge(e);
            else if (es.status == InstanceState.Status.PERSISTENT && !es.marked) {
                delete(e);
                deleted.add(es);
            }
        } else if (es == null || !es.marked) {
            if (back.partOfKey() && es != null)
                throw new IllegalStateException("deleting the " + back.target().getSimpleName() + " that " + e.getClass().getSimpleName()
                        + " " + (es.key() == null ? "(new)" : es.key()) + " references would set " + back + " to NULL, but that "
                        + "reference is part of its primary key (a derived identity); delete the " + e.getClass().getSimpleName()
                        + " objects too (session.delete, or cascade = REMOVE on the collection)");
            back.set(e, null);
            mutated = true;
        }
    }

    /** The attached objects of {@code ei}'s class (subclasses included) that are not marked for deletion, by the object {@code back} names. */
    private Map<Object, List<Object>> referrersOf(Mapper ei, ToOne back) {
        Map<Object, List<Object>> out = new IdentityHashMap<>();
        uow.forEachAttached(st -> {
            if (st.marked || st.status == InstanceState.Status.DELETED || !ei.type.isInstance(st.obj())) return;
            Object ref = back.get(st.obj());
            if (ref != null) out.computeIfAbsent(ref, r -> new ArrayList<>()).add(st.obj());
        });
        return out;
    }
}
