package org.athanor.orm.internal.loading;

import java.util.List;
import org.athanor.orm.internal.uow.InstanceState;
import org.athanor.orm.mapping.Secondary;

/**
 * What a {@code @ManyToMany} collection does when an element joins or leaves it (the {@link CollectionState}
 * of a one-to-many sets the element's reference instead): the other side's collection, when loaded, takes
 * or loses the owner at once (back-population, both directions), a new element is added to the session
 * (save-update cascade), and the change is recorded in the owning side's terms for the flush, which
 * inserts or deletes the secondary row. A change made on both sides in memory is one row.
 */
final class ManyToManyCollections {
    private ManyToManyCollections() {}

    static void linked(CollectionState cs, Object e) {
        if (count(cs.items, e) > 1) return; // a List holding it twice: linked already
        Loading.Host s = cs.session;
        boolean attached = !s.isClosed() && s.stateOf(cs.owner) != null;
        if (attached) {
            InstanceState es = s.stateOf(e);
            // its own collections become the session's here, so the mirror below is one; a join-table @OneToMany's
            // element marked by an earlier remove() with orphanRemoval has an owner again (as for a mappedBy one)
            if (es == null || es.marked && cs.relation().joinTableOneToMany()) s.add(e);
        }
        CollectionState other = mirror(cs, e);
        if (other != null && other.items != null && count(other.items, cs.owner) == 0) {
            other.changing();
            other.items.add(cs.owner);
            if (!s.isClosed()) s.touched(other); // it gained an element: the flush's sync checks it
        }
        if (attached) record(cs, e, true);
    }

    static void unlinked(CollectionState cs, Object e) {
        if (count(cs.items, e) > 0) return; // a List still holding it
        CollectionState other = mirror(cs, e);
        if (other != null && other.items != null && count(other.items, cs.owner) > 0) {
            other.changing();
            other.items.removeIf(x -> x == cs.owner);
        }
        if (cs.session.isClosed() || cs.session.stateOf(cs.owner) == null) return;
        record(cs, e, false);
        if (cs.relation().orphanRemoval()) { // a join-table @OneToMany: the element left its one owner
            InstanceState st = cs.session.stateOf(e);
            if (st != null && st.status == InstanceState.Status.PENDING) cs.session.expunge(e);
            else if (st != null && st.status == InstanceState.Status.PERSISTENT) cs.session.delete(e);
        }
    }

    private static void record(CollectionState cs, Object e, boolean link) {
        Secondary sec = cs.info.toManySecondary(cs.m);
        Secondary owning = sec.owning() ? sec : sec.flipped();
        Object owner = sec.owning() ? cs.owner : e, element = sec.owning() ? e : cs.owner;
        if (link) cs.session.uow().links.link(owning, owner, element);
        else cs.session.uow().links.unlink(owning, owner, element);
    }

    /**
     * A link change of {@code owner}'s collection {@code m} with {@code e} was dropped before any flush wrote it (a
     * refresh, a replaced collection): {@code e}'s collection on the other side, when loaded, takes back what it held
     * before that change ({@code link}: it loses {@code owner}; else it holds it again).
     */
    static void revertMirror(Loading.Host s, Object owner, org.athanor.orm.internal.mapping.Mapper info, int m, Object e, boolean link) {
        int mirror = info.manyToManyMirror(m);
        CollectionState other = mirror < 0 ? null : CollectionState.stateOf(s, e, info.toManyTarget(m), mirror);
        if (other == null || other.items == null || link == (count(other.items, owner) == 0)) return;
        other.changing();
        if (link) other.items.removeIf(x -> x == owner);
        else other.items.add(owner);
    }

    /** The other side's collection on {@code e}, when mapped and the session's own; else null. */
    private static CollectionState mirror(CollectionState cs, Object e) {
        int mirror = cs.info.manyToManyMirror(cs.m);
        return mirror < 0 ? null : CollectionState.stateOf(cs.session, e, cs.elementInfo(), mirror);
    }

    private static int count(List<Object> items, Object e) {
        int n = 0;
        for (Object x : items) if (x == e) n++;
        return n;
    }
}
