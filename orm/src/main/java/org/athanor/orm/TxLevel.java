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
        final Map<Integer, Object[]> written = new HashMap<>(2); // usually one entry (a generated id) or none

        Memento(InstanceState s) {
            status = s.status;
            snapshot = s.snapshot;
            key = s.key;
            loadedEpoch = s.loadedEpoch;
        }
    }

    final NestedTransaction savepoint;
    final Map<InstanceState, Memento> touched = new IdentityHashMap<>(4); // small: most levels touch nothing
    /**
     * Objects loaded or re-read in this level, with the values read: they may hold data the rollback
     * discards, so a rollback expires them (values the user did not change since are re-read). Kept
     * as an append-only log (a load of many rows appends to two arrays instead of filling a map);
     * a later read of the same object supersedes an earlier one, see {@link #loaded()}.
     */
    private InstanceState[] loadedStates = NO_STATES;
    private Object[][] loadedValues = NO_VALUES;
    private int loadedCount;

    private static final InstanceState[] NO_STATES = new InstanceState[0];
    private static final Object[][] NO_VALUES = new Object[0][];
    /** Below this many entries the log just grows; above, it is compacted first (repeated re-reads of the same objects). */
    private static final int COMPACT_FROM = 1024;

    TxLevel(NestedTransaction savepoint) { this.savepoint = savepoint; }

    /** Records that {@code s} was read in this level with {@code values} (replacing an earlier record for it). */
    void recordLoaded(InstanceState s, Object[] values) {
        if (loadedCount == loadedStates.length) makeRoom();
        loadedStates[loadedCount] = s;
        loadedValues[loadedCount] = values;
        loadedCount++;
    }

    private void makeRoom() {
        if (loadedCount >= COMPACT_FROM) {
            Map<InstanceState, Object[]> m = loaded();
            if (m.size() <= loadedCount / 2) {
                loadedCount = 0;
                for (Map.Entry<InstanceState, Object[]> e : m.entrySet()) {
                    loadedStates[loadedCount] = e.getKey();
                    loadedValues[loadedCount] = e.getValue();
                    loadedCount++;
                }
                java.util.Arrays.fill(loadedStates, loadedCount, loadedStates.length, null);
                java.util.Arrays.fill(loadedValues, loadedCount, loadedValues.length, null);
                return;
            }
        }
        int len = Math.max(16, loadedStates.length * 2);
        loadedStates = java.util.Arrays.copyOf(loadedStates, len);
        loadedValues = java.util.Arrays.copyOf(loadedValues, len);
    }

    /** The objects read in this level, each with the values of its latest read. */
    Map<InstanceState, Object[]> loaded() {
        Map<InstanceState, Object[]> m = new IdentityHashMap<>(loadedCount);
        for (int i = 0; i < loadedCount; i++) m.put(loadedStates[i], loadedValues[i]);
        return m;
    }

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
        for (int i = 0; i < inner.loadedCount; i++) recordLoaded(inner.loadedStates[i], inner.loadedValues[i]);
    }
}
