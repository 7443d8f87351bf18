package org.athanor.core.engine;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.ref.WeakReference;
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
 *
 * <p>Hits are counted where they happen: the key walk of a physical connection's kept statements counts into a
 * {@link Hits} of its own ({@link #hitsFor}), written by one thread at a time, so a hit writes no memory other
 * threads write; every other lookup counts into a shared adder. {@link #hits()} adds them all up. A shared counter
 * incremented at every statement was a cache line all request threads wrote (docs/benchmarks.md, session 16).
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
    /** Hits of lookups without a {@link Hits} of their own. */
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();
    /** Every live {@link Hits} handed out; replaced, never changed, under the lock on this. */
    private volatile Hits[] counters = new Hits[0];
    /** The hits of counters whose owner is gone (folded in by {@link #hitsFor}). Guarded by {@code this}. */
    private long retired;

    /**
     * The hit count of one owner (the kept statements of a physical connection): written by the thread using the owner
     * only, one at a time (a connection is handed from thread to thread by the pool, which orders the writes), and
     * read by {@link #hits()} from any thread. Opaque writes and reads: a reader never sees a torn value.
     */
    static final class Hits {
        private static final VarHandle N;
        static {
            try {
                N = MethodHandles.lookup().findVarHandle(Hits.class, "n", long.class);
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }

        private long n;
        /** Weak: the owner goes with its connection without telling the cache; its count is kept then (see hitsFor). */
        private final WeakReference<Object> owner;

        private Hits(Object owner) { this.owner = new WeakReference<>(owner); }

        /** One more hit; called by the owner's thread only. */
        void increment() { N.setOpaque(this, n + 1); }

        long count() { return (long) N.getOpaque(this); }
    }

    StatementCache(int capacity) {
        this.capacity = capacity;
        this.map = new ConcurrentHashMap<>(Math.max(16, capacity * 2));
        this.clock = new ArrayDeque<>(Math.max(16, Math.min(capacity, 1 << 16)));
    }

    /**
     * A hit count for {@code owner}, counted by {@link #hits()} for as long as the cache lives: when the owner is
     * collected its count is folded into the retired hits (at the next call), so counters do not pile up as a pool
     * replaces its connections. Cold: once per physical connection.
     */
    synchronized Hits hitsFor(Object owner) {
        Hits[] old = counters;
        Hits[] now = new Hits[old.length + 1];
        int n = 0;
        for (Hits h : old) {
            if (h.owner.get() == null) retired += h.count(); // no one writes it any more: its owner is unreachable
            else now[n++] = h;
        }
        Hits h = new Hits(owner);
        now[n++] = h;
        counters = java.util.Arrays.copyOf(now, n);
        return h;
    }

    /** The template cached for {@code key}, or null; a hit is counted in {@code counter}, or the shared count when null. */
    CompiledTemplate get(CacheKey key, Hits counter) {
        if (capacity == 0) return null;
        Entry e = map.get(key);
        if (e == null) {
            misses.increment();
            return null;
        }
        if (!e.used) e.used = true; // read first: a hot entry's cache line is not written on every hit
        if (counter != null) counter.increment();
        else hits.increment();
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

    /** All hits: the shared count, every live counter's and the retired ones' (under the lock: a fold moves a count). */
    synchronized long hits() {
        long n = hits.sum() + retired;
        for (Hits h : counters) n += h.count();
        return n;
    }

    long misses() { return misses.sum(); }

    synchronized void clear() {
        map.clear();
        clock.clear();
    }
}
