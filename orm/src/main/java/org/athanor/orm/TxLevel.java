package org.athanor.orm;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import org.athanor.core.engine.NestedTransaction;

/**
 * One level of a session transaction (the outer transaction, or a savepoint): for every object the
 * flushes of this level changed, what the session knew about it before (a {@link Memento}), so that
 * a rollback can put the session back in step with the database.
 */
final class TxLevel {
    /** What an object's state was before this level first changed it. */
    static final class Memento {
        final InstanceState.Status status;
        final Object[] snapshot;
        final IdKey key;
        final long loadedEpoch;
        /** Attribute index -> {value before, value the session wrote} for attributes the session itself set (ids, versions, refreshes). */
        final Map<Integer, Object[]> written = new HashMap<>();

        Memento(InstanceState s) {
            status = s.status;
            snapshot = s.snapshot;
            key = s.key;
            loadedEpoch = s.loadedEpoch;
        }
    }

    final NestedTransaction savepoint;
    final Map<InstanceState, Memento> touched = new IdentityHashMap<>();
    /**
     * Objects loaded or re-read in this level, with the values read: they may hold data the rollback
     * discards, so a rollback expires them (values the user did not change since are re-read).
     */
    final Map<InstanceState, Object[]> loaded = new IdentityHashMap<>();

    TxLevel(NestedTransaction savepoint) { this.savepoint = savepoint; }

    Memento touch(InstanceState s) { return touched.computeIfAbsent(s, Memento::new); }

    /** Folds a released savepoint's records into this (outer) level. */
    void absorb(TxLevel inner) {
        for (Map.Entry<InstanceState, Memento> e : inner.touched.entrySet()) {
            Memento mine = touched.get(e.getKey());
            if (mine == null) touched.put(e.getKey(), e.getValue());
            else for (Map.Entry<Integer, Object[]> w : e.getValue().written.entrySet()) {
                Object[] have = mine.written.get(w.getKey());
                if (have == null) mine.written.put(w.getKey(), w.getValue());
                else have[1] = w.getValue()[1];
            }
        }
        loaded.putAll(inner.loaded);
    }
}
