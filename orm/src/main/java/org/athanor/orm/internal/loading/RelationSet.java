package org.athanor.orm.internal.loading;

import java.util.AbstractSet;
import java.util.Iterator;

/**
 * The ORM's {@code Set} for a {@code @OneToMany} field: as {@link RelationList}, keeping the load order
 * and each element once (by the elements' equals).
 */
final class RelationSet extends AbstractSet<Object> {
    final CollectionState state;

    RelationSet(CollectionState state) { this.state = state; }

    @Override public int size() { return state.items().size(); }
    @Override public boolean contains(Object o) { return state.items().contains(o); }

    @Override public boolean add(Object e) {
        state.checkElement(e);
        if (state.items().contains(e)) return false;
        state.changing();
        state.items().add(e);
        state.linked(e);
        return true;
    }

    @Override public boolean remove(Object o) {
        if (!state.items().contains(o)) return false;
        state.changing();
        state.items().remove(o);
        state.unlinked(o);
        return true;
    }

    @Override public Iterator<Object> iterator() {
        Iterator<Object> it = state.items().iterator();
        return new Iterator<>() {
            Object last;
            @Override public boolean hasNext() { return it.hasNext(); }
            @Override public Object next() { return last = it.next(); }
            @Override public void remove() {
                state.changing();
                it.remove();
                state.unlinked(last);
            }
        };
    }

    @Override public String toString() { return state.items == null ? "[not loaded: " + state.describe() + "]" : super.toString(); }
}
