package org.athanor.orm.internal.loading;

import java.util.AbstractList;

/**
 * The ORM's {@code List} for a {@code @OneToMany} field: loads on first access (for the whole query
 * result the owner came from, see {@link CollectionLoading}) and keeps the elements' reference to the
 * owner in step with additions and removals. Equality is a List's (by elements, in order).
 */
final class RelationList extends AbstractList<Object> {
    final CollectionState state;

    RelationList(CollectionState state) { this.state = state; }

    @Override public Object get(int index) { return state.items().get(index); }
    @Override public int size() { return state.items().size(); }

    @Override public void add(int index, Object e) {
        state.checkElement(e);
        boolean append = index == state.items().size();
        state.changing();
        state.items().add(index, e);
        modCount++;
        state.linked(e, append);
    }

    @Override public Object set(int index, Object e) {
        state.checkElement(e);
        state.items();
        state.changing();
        Object old = state.items().set(index, e);
        if (old != e) {
            state.unlinked(old);
            state.linked(e);
        }
        return old;
    }

    @Override public Object remove(int index) {
        state.items();
        state.changing();
        Object old = state.items().remove(index);
        modCount++;
        state.unlinked(old);
        return old;
    }

    /** Whether the elements are loaded (no SQL). */
    boolean isLoaded() { return state.items != null; }

    @Override public String toString() { return state.items == null ? "[not loaded: " + state.describe() + "]" : super.toString(); }
}
