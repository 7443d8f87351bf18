package org.athanor.core.engine;

import java.util.ArrayDeque;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.athanor.core.internal.compile.CacheKey;
import org.athanor.core.internal.compile.CompiledTemplate;

/**
 * A bounded map from statement shape to compiled SQL (SQLAlchemy's compiled cache), evicting by
 * CLOCK (second chance), an approximation of least-recently-used: a lookup marks its entry used;
 * when the cache is full, the clock hand walks the entries in insertion order, clears the mark of a
 * used one and moves it to the back, and evicts the first one not used since the hand last passed.
 * Shapes in use stay; a burst of one-off shapes pushes out only each other.
 *
 * <p>Why not a LinkedHashMap in access order: its get reorders the list, so every lookup would
 * take the lock. Here lookups stay lock-free (a map read and, once per hand pass, a plain write of
 * the mark); only misses, the cold path, lock to insert and evict.
 */
final class StatementCache {
    /** A cached template and its CLOCK mark. */
    private static final class Entry {
        final CompiledTemplate template;
        /** Set by lookups, cleared by the clock hand. Racy on purpose: a lost mark costs one eviction choice, never a wrong result. */
        boolean used;

        Entry(CompiledTemplate template) { this.template = template; }
    }

    private final int capacity;
    private final ConcurrentHashMap<CacheKey, Entry> map;
    /** The clock: every key of the map once, the hand at its head. Guarded by {@code this}. */
    private final ArrayDeque<CacheKey> clock;
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();

    StatementCache(int capacity) {
        this.capacity = capacity;
        this.map = new ConcurrentHashMap<>(Math.max(16, capacity * 2));
        this.clock = new ArrayDeque<>(Math.max(16, Math.min(capacity, 1 << 16)));
    }

    CompiledTemplate get(CacheKey key) {
        if (capacity == 0) return null;
        Entry e = map.get(key);
        if (e == null) {
            misses.increment();
            return null;
        }
        if (!e.used) e.used = true; // read first: a hot entry's cache line is not written on every hit
        hits.increment();
        return e.template;
    }

    /** Synchronized (misses only, the cold path): the size check, the clock and the map change together. */
    synchronized void put(CacheKey key, CompiledTemplate t) {
        if (capacity == 0) return;
        if (map.replace(key, new Entry(t)) != null) return; // a racing miss compiled it too: already on the clock
        while (map.size() >= capacity) evictOne();
        map.put(key, new Entry(t));
        clock.addLast(key);
    }

    /** Advances the hand to the first entry not used since it last passed, and evicts it. */
    private void evictOne() {
        while (true) {
            CacheKey k = clock.pollFirst();
            if (k == null) return;
            Entry e = map.get(k);
            if (e == null) continue;
            if (e.used) {
                e.used = false;
                clock.addLast(k);
            } else {
                map.remove(k);
                return;
            }
        }
    }

    int size() { return map.size(); }
    long hits() { return hits.sum(); }
    long misses() { return misses.sum(); }

    synchronized void clear() {
        map.clear();
        clock.clear();
    }
}
