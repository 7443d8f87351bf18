package org.athanor.orm.internal.uow;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * A session's attached objects (pending, persistent, deleted) by identity, for the methods given an
 * object. Built lazily: a loaded object is only appended to a log, and moved into the map when a
 * lookup by object next happens, so a session that only reads never builds the map. Added objects
 * go into the map at once: add() must look each one up anyway (adding an object twice does nothing).
 */
public final class AttachedObjects {
    private Map<Object, InstanceState> byObject = new IdentityHashMap<>(8);
    /** Loaded states not in {@link #byObject} yet, in attach order. */
    private final StateLog unindexed = new StateLog();
    private int count;

    public int count() { return count; }

    /** The state of {@code obj}, or null. */
    public InstanceState get(Object obj) {
        if (unindexed.size() > 0) indexLoaded();
        return byObject.get(obj);
    }

    /** Attaches a state; {@code index} false defers hashing the object (a load: nobody asks about most rows). */
    public void attach(InstanceState s, Object obj, boolean index) {
        s.attached = true;
        count++;
        if (index) byObject.put(obj, s);
        else unindexed.add(s);
    }

    /** Every attached state, in no particular order, without indexing anything (the caller must not attach or detach meanwhile). */
    public void forEach(java.util.function.Consumer<InstanceState> action) {
        for (InstanceState s : byObject.values()) action.accept(s);
        StateLog log = unindexed;
        for (int c = 0, chunks = log.chunks(); c < chunks; c++) {
            InstanceState[] chunk = log.chunk(c);
            for (int i = 0, n = log.used(c); i < n; i++) if (chunk[i].attached) action.accept(chunk[i]);
        }
    }

    public void unattach(InstanceState s) {
        if (!s.attached) return;
        s.attached = false;
        count--;
        byObject.remove(s.obj); // a state still in the unindexed log is skipped when the log is indexed
    }

    private void indexLoaded() {
        StateLog log = unindexed;
        for (int c = 0, chunks = log.chunks(); c < chunks; c++) {
            InstanceState[] chunk = log.chunk(c);
            for (int i = 0, n = log.used(c); i < n; i++) {
                InstanceState s = chunk[i];
                if (s.attached) byObject.put(s.obj, s);
            }
        }
        log.clear();
    }

    /**
     * Lets go of every object. A session that stays open marks the states unattached, since its
     * transaction levels may still name them; a closing session's states die with it.
     */
    public void releaseAll(boolean closing) {
        if (count == 0) return;
        if (!closing) forEach(s -> s.attached = false);
        if (byObject.size() > 1024) byObject = new IdentityHashMap<>(8); // dropped, not cleared slot by slot
        else byObject.clear();
        unindexed.clear();
        count = 0;
    }
}
