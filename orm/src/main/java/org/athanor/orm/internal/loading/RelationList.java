package org.athanor.orm.internal.loading;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.ConcurrentModificationException;
import java.util.Iterator;
import java.util.NoSuchElementException;

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

    /**
     * AbstractList's iterator, reading the loaded elements' list directly instead of through {@link #size} and
     * {@link #get} (each a call into the state) per element: the loop every caller of a loaded collection runs. An
     * unloaded collection loads at the first {@code hasNext}, as {@link #size} would; a removal goes through
     * {@link #remove(int)} (the element's reference is cleared); a change made to the list meanwhile by other means
     * than this iterator is a {@link ConcurrentModificationException}, as AbstractList's.
     */
    @Override public Iterator<Object> iterator() { return new Elements(); }

    private final class Elements implements Iterator<Object> {
        private int cursor;
        private int last = -1;
        private int expected = modCount;

        private ArrayList<Object> items() {
            ArrayList<Object> items = state.items;
            return items != null ? items : state.items();
        }

        @Override public boolean hasNext() { return cursor != items().size(); }

        @Override public Object next() {
            if (modCount != expected) throw new ConcurrentModificationException();
            ArrayList<Object> items = items();
            int i = cursor;
            if (i >= items.size()) throw new NoSuchElementException();
            cursor = i + 1;
            return items.get(last = i);
        }

        @Override public void remove() {
            if (last < 0) throw new IllegalStateException("next() was not called, or remove() was already called after it");
            if (modCount != expected) throw new ConcurrentModificationException();
            RelationList.this.remove(last);
            cursor = last;
            last = -1;
            expected = modCount;
        }
    }

    /** Whether the elements are loaded (no SQL). */
    boolean isLoaded() { return state.items != null; }

    @Override public String toString() { return state.items == null ? "[not loaded: " + state.describe() + "]" : super.toString(); }
}
