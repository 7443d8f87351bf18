package org.athanor.orm.internal.loading;

import org.athanor.orm.internal.uow.InstanceState;

import org.athanor.orm.internal.mapping.Mapper;

import java.util.ArrayList;
import java.util.List;
import org.athanor.orm.mapping.ToMany;

/**
 * What the ORM's own {@link RelationList} / {@link RelationSet} share: the owner, its session, the
 * elements once loaded, and the other side kept in step (a many-to-many: {@link ManyToManyCollections}; an
 * element collection of values has no other side, its changes are recorded by {@link ElementValues}). Adding an element sets the element's
 * {@code @ManyToOne} to the owner at once (and takes it out of its previous owner's loaded collection);
 * removing clears it (or, with orphanRemoval, deletes the element). Not thread-safe, as the Session.
 */
public final class CollectionState {
    final Loading.Host session;
    final Object owner;
    final Mapper info;
    final int m;
    /** The states of the objects loaded with the owner (one query result): a first access loads the collection for all of them. */
    List<InstanceState> group;
    /** The owner's state when it was installed by a load (else null): while still attached, the load needs no lookup. */
    InstanceState ownerState;
    /** The elements, null until loaded. */
    public ArrayList<Object> items;
    /** The query's raiseLoad option: accessing the unloaded collection is an error naming it. */
    boolean raise;
    /** The query's then() options for the elements, used when the collection loads. */
    List<LoadSpec> elementOptions = List.of();
    /** How the elements' subclasses load ({@code then(selectinPolymorphic(...))}), or null. */
    PolymorphicSpec elementPolymorphic;

    CollectionState(Loading.Host session, Object owner, Mapper info, int m, List<InstanceState> group, ArrayList<Object> items) {
        this.session = session;
        this.owner = owner;
        this.info = info;
        this.m = m;
        this.group = group;
        this.items = items;
    }

    public ToMany relation() { return info.toManys[m]; }
    /** The object whose collection this is. */
    public Object owner() { return owner; }
    /** The collection's index in its owner's mapper's {@code toManys}. */
    public int index() { return m; }
    /** Whether this is still the collection in its owner's field (not replaced since). */
    public boolean isCurrent() { return stateOf(session, owner, info, m) == this; }
    /** The elements' reference to their owner. */
    public org.athanor.orm.mapping.ToOne backRef() { return elementInfo().toOnes[info.toManyBackRef(m)]; }
    Mapper elementInfo() { return info.toManyTarget(m); }

    String describe() {
        InstanceState st = session.isClosed() ? null : session.stateOf(owner);
        return info.name + (st != null && st.key() != null ? st.key().toString().replaceFirst("^" + info.name, "") : "") + "." + relation().name();
    }

    public ArrayList<Object> items() {
        if (items == null) CollectionLoading.load(this);
        return items;
    }

    /**
     * The loaded elements are about to change (an add or remove, on this side or mirrored from the other): the first
     * change since the last flush keeps what they held, while the owner is persistent in the session (see
     * {@link CollectionChanges}).
     */
    void changing() {
        if (items == null || session.isClosed()) return;
        InstanceState st = session.stateOf(owner);
        // a pending owner is modified whatever its collections hold: no history is kept for it
        if (st != null && st.status == InstanceState.Status.PERSISTENT) session.uow().links.changing(this, owner, items);
    }

    /**
     * Whether the loaded elements differ from what they held at the last flush (or load): another count of some element,
     * or for a List with {@code @OrderColumn} another order. Entities are compared by identity, values by equals.
     */
    boolean changedSinceFlush() {
        List<Object> was = items == null ? null : session.uow().links.before(this);
        if (was == null) return false;
        if (was.size() != items.size()) return true;
        boolean values = relation().isElementCollection();
        if (values && info.toManySecondary(m).position() != null) return !was.equals(items);
        java.util.Map<Object, Integer> counts = values ? new java.util.HashMap<>() : new java.util.IdentityHashMap<>();
        for (Object e : was) counts.merge(e, 1, Integer::sum);
        for (Object e : items) if (counts.merge(e, -1, Integer::sum) < 0) return true;
        return false;
    }

    public Object checkElement(Object e) {
        if (relation().isElementCollection()) return ElementValues.check(this, e);
        if (!elementInfo().type.isInstance(e))
            throw new IllegalArgumentException(info.name + "." + relation().name() + " holds " + elementInfo().name
                    + " objects, not " + (e == null ? "null" : e.getClass().getName()));
        return e;
    }

    /** The element joined this collection: its reference points at the owner, and it is added to the session. */
    public void linked(Object e) { linked(e, false); }

    /** {@link #linked(Object)}; {@code appended}: added at the end of a List (a bag of values then only inserts it). */
    void linked(Object e, boolean appended) {
        if (relation().isElementCollection()) {
            ElementValues.changed(this, e, true, appended);
            return;
        }
        // first: a many-to-many collection is touched too (the flush's ManyToManyCascades.sync runs for touched collections only)
        if (!session.isClosed()) session.touched(this);
        if (relation().isManyToMany()) {
            ManyToManyCollections.linked(this, e);
            return;
        }
        Mapper ei = elementInfo();
        int k = info.toManyBackRef(m);
        Object previous = ei.toOnes[k].get(e);
        if (previous != owner) {
            if (previous != null) {
                CollectionState old = stateOf(session, previous, info, m);
                if (old != null && old.items != null) {
                    old.changing();
                    old.items.remove(e);
                }
                session.relinked(e);
            }
            ei.toOnes[k].set(e, owner);
        }
        if (session.isClosed() || session.stateOf(owner) == null) return;
        InstanceState es = session.stateOf(e);
        // new to the session, or marked for deletion by an earlier remove() with orphanRemoval: it has an owner again
        // (SQLAlchemy decides orphans at flush), so moving an element by remove-then-add does not delete it
        if (es == null || es.marked) session.add(e);
    }

    /** The element left this collection: its reference is cleared, or with orphanRemoval the element is deleted. */
    public void unlinked(Object e) {
        if (relation().isElementCollection()) {
            ElementValues.changed(this, e, false, false);
            return;
        }
        if (relation().isManyToMany()) {
            ManyToManyCollections.unlinked(this, e);
            return;
        }
        Mapper ei = elementInfo();
        int k = info.toManyBackRef(m);
        if (ei.toOnes[k].get(e) == owner) ei.toOnes[k].set(e, null);
        if (!session.isClosed()) session.relinked(e);
        if (relation().orphanRemoval() && !session.isClosed()) {
            InstanceState st = session.stateOf(e);
            if (st != null && st.status == InstanceState.Status.PENDING) session.expunge(e);
            else if (st != null && st.status == InstanceState.Status.PERSISTENT) session.delete(e);
        }
    }

    /**
     * Loads the unloaded collections {@code unloaded} (of one relationship, their owners persistent and being
     * deleted) for a flush: one select per chunk of owners (see {@link CollectionLoading#loadForFlush}).
     */
    public static void loadForFlush(List<CollectionState> unloaded) {
        if (!unloaded.isEmpty()) CollectionLoading.loadForFlush(unloaded);
    }

    /**
     * Whether {@code collection} (a field's value) is the ORM's collection, of any session, not loaded: its
     * elements are unknown (SQLAlchemy's merge skips such an attribute).
     */
    public static boolean isUnloaded(Object collection) {
        CollectionState cs = collection instanceof RelationList l ? l.state : collection instanceof RelationSet set ? set.state : null;
        return cs != null && cs.items == null;
    }

    /** The elements of {@code collection} (a field's value) without loading anything: null when it is {@link #isUnloaded}. */
    public static java.util.Collection<?> elementsOf(Object collection) {
        if (isUnloaded(collection)) return null;
        CollectionState cs = collection instanceof RelationList l ? l.state : collection instanceof RelationSet set ? set.state : null;
        return cs != null ? cs.items : (java.util.Collection<?>) collection;
    }

    /** The state behind {@code owner}'s collection {@code m} when it is this session's own, else null. */
    public static CollectionState stateOf(Loading.Host s, Object owner, Mapper info, int m) {
        Object c = info.toManys[m].get(owner);
        CollectionState cs = c instanceof RelationList l ? l.state : c instanceof RelationSet set ? set.state : null;
        return cs != null && cs.session == s ? cs : null;
    }

    /** Puts a new collection in the owner's field: loaded with {@code items}, or unloaded (null) for a group to load. */
    public static CollectionState install(Loading.Host s, Object owner, Mapper info, int m, List<InstanceState> group, ArrayList<Object> items) {
        CollectionState cs = new CollectionState(s, owner, info, m, group, items);
        info.toManys[m].set(owner, info.toManys[m].isSet() ? new RelationSet(cs) : new RelationList(cs));
        return cs;
    }
}
