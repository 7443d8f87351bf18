package org.athanor.orm.internal.uow;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * A session's attached objects (pending, persistent, deleted): in attach order, for the walks over them, and by
 * identity, for the methods given an object. Every attached state is appended to a log ({@link #order}), and the
 * index by object is built lazily: a loaded object is only appended, and hashed into the map when a lookup by object
 * next happens, so a session that only reads never builds the map. Added objects go into the map at once: add() must
 * look each one up anyway (adding an object twice does nothing).
 *
 * <p>The walk goes in attach order, not in the map's (identity-hash) order: what the flush reaches through the
 * objects it walks (the dirty check's changed objects, the new objects their references and replaced collections
 * cascade to) is then inserted in the same order every run, as SQLAlchemy inserts in the order objects were reached.
 */
public final class AttachedObjects {
    /** Made at the first object indexed: a session that only loads and closes never makes it. */
    private Map<Object, InstanceState> byObject;
    /**
     * Every state attached since the last compaction, in attach order; a state detached since stays until the log is
     * compacted (skipped by its {@code attached} flag: a state is never attached again, a returning object gets a new one).
     */
    private StateLog order = new StateLog();
    /** The states of {@link #order} before this position are in {@link #byObject} (or detached). */
    private int indexed;
    private int count;

    public int count() { return count; }

    /** The state of {@code obj}, or null. */
    public InstanceState get(Object obj) {
        if (indexed < order.size()) indexLoaded();
        return byObject == null ? null : byObject.get(obj);
    }

    /** Attaches a state; {@code index} false defers hashing the object (a load: nobody asks about most rows). */
    public void attach(InstanceState s, Object obj, boolean index) {
        s.attached = true;
        count++;
        if (index) {
            if (indexed < order.size()) indexLoaded(); // the log's indexed part stays a prefix
            index().put(obj, s);
            order.add(s);
            indexed = order.size();
        } else order.add(s);
    }

    /** Every attached state, in attach order, without indexing anything (the caller must not attach or detach meanwhile). */
    public void forEach(java.util.function.Consumer<InstanceState> action) {
        StateLog log = order;
        for (int c = 0, chunks = log.chunks(); c < chunks; c++) {
            InstanceState[] chunk = log.chunk(c);
            for (int i = 0, n = log.used(c); i < n; i++) if (chunk[i].attached) action.accept(chunk[i]);
        }
    }

    public void unattach(InstanceState s) {
        if (!s.attached) return;
        s.attached = false;
        count--;
        if (byObject != null) byObject.remove(s.obj); // a state not indexed yet is skipped when the log is indexed
        // the detached states' slots are dropped once they are most of the log (amortised: never per detach)
        if (order.size() > 64 && order.size() > 2 * count) compact();
    }

    /** {@link #byObject}, made now when it was not (sized for a short session's few objects). */
    private Map<Object, InstanceState> index() {
        Map<Object, InstanceState> m = byObject;
        return m != null ? m : (byObject = new IdentityHashMap<>(4));
    }

    private void indexLoaded() {
        StateLog log = order;
        int from = indexed;
        Map<Object, InstanceState> byObject = index();
        for (int c = 0, chunks = log.chunks(), base = 0; c < chunks; base += log.chunk(c).length, c++) {
            int n = log.used(c);
            if (base + n <= from) continue;
            InstanceState[] chunk = log.chunk(c);
            for (int i = Math.max(0, from - base); i < n; i++) {
                InstanceState s = chunk[i];
                if (s.attached) byObject.put(s.obj, s);
            }
        }
        indexed = log.size();
    }

    /** A log of the attached states only, in the same order; every one indexed (the map holds exactly them). */
    private void compact() {
        indexLoaded();
        StateLog live = new StateLog();
        forEach(live::add);
        order = live;
        indexed = live.size();
    }

    /**
     * Lets go of every object. A session that stays open marks the states unattached, since its
     * transaction levels may still name them; a closing session's states die with it.
     */
    public void releaseAll(boolean closing) {
        if (count == 0 && order.size() == 0) return;
        if (!closing) forEach(s -> s.attached = false);
        // a closing session's index, or a large one, is dropped rather than cleared slot by slot
        if (byObject != null && (closing || byObject.size() > 1024)) byObject = null;
        else if (byObject != null) byObject.clear();
        order.clear();
        indexed = 0;
        count = 0;
    }
}
