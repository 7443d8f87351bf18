package org.athanor.orm.internal.uow;

import java.util.AbstractSet;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashSet;

/**
 * The states marked by {@code Session.delete} whose DELETE is not flushed yet, in mark order: a set whose hash set is
 * made at the first mark, so a session that deletes nothing (most) makes none.
 */
public final class MarkedStates extends AbstractSet<InstanceState> {
    private LinkedHashSet<InstanceState> states;

    @Override public int size() { return states == null ? 0 : states.size(); }

    @Override public boolean isEmpty() { return states == null || states.isEmpty(); }

    @Override public boolean contains(Object o) { return states != null && states.contains(o); }

    @Override public boolean add(InstanceState s) {
        if (states == null) states = new LinkedHashSet<>();
        return states.add(s);
    }

    @Override public boolean remove(Object o) { return states != null && states.remove(o); }

    @Override public void clear() { if (states != null) states.clear(); }

    @Override public Iterator<InstanceState> iterator() {
        return states == null ? Collections.emptyIterator() : states.iterator();
    }
}
