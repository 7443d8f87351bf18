package org.athanor.orm;

import java.lang.ref.Reference;
import java.lang.ref.WeakReference;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * Process-wide bookkeeping for {@link Athanor#inspect}: the open sessions, and the objects that left
 * a session after having a row (detached). Both hold objects weakly, compared by identity. Only
 * entities without a generated id need the second ({@link EntityInfo#tracksDetached}): for the
 * others, a set id tells that the object had a row, so loading and closing them costs nothing here.
 */
final class Tracking {
    private Tracking() {}

    private static final Set<Session> OPEN = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));
    private static final WeakIdentitySet DETACHED = new WeakIdentitySet();

    /** How many sessions opened() and not closed() (a session never closed keeps counting: then the weak set is scanned). */
    private static final java.util.concurrent.atomic.AtomicInteger OPEN_COUNT = new java.util.concurrent.atomic.AtomicInteger();

    static void opened(Session s) {
        if (OPEN.add(s)) OPEN_COUNT.incrementAndGet();
    }

    static void closed(Session s) {
        if (OPEN.remove(s)) OPEN_COUNT.decrementAndGet();
    }

    /** How many sessions are open (a quick test before scanning them). */
    static int openCount() { return OPEN_COUNT.get(); }

    static List<Session> openSessions() {
        synchronized (OPEN) {
            return new ArrayList<>(OPEN);
        }
    }

    /** Records that {@code o} left its session after having a row. */
    static void detached(Object o) { DETACHED.add(o); }

    /** Records the first {@code n} objects of {@code objs} as detached, in one batch (a closing session's objects). */
    static void detachedAll(Object[] objs, int n) { DETACHED.addAll(objs, n); }

    static void attached(Object o) { DETACHED.remove(o); }

    static boolean isDetached(Object o) { return DETACHED.contains(o); }

    /**
     * For {@link Athanor#inspect}: whether an object in no session once had a row. Entities with
     * generated ids answer by their id (set means detached); others are looked up in the set.
     */
    static boolean wasPersistent(Object o) {
        org.athanor.orm.mapping.EntityMapping<?> m;
        try {
            m = org.athanor.orm.mapping.EntityMapping.of(o.getClass());
        } catch (RuntimeException notAnEntity) {
            return DETACHED.contains(o);
        }
        org.athanor.orm.mapping.Attribute gen = m.generatedIdAttribute();
        if (gen == null) return DETACHED.contains(o);
        @SuppressWarnings("unchecked") org.athanor.orm.mapping.EntityMapping<Object> em = (org.athanor.orm.mapping.EntityMapping<Object>) m;
        return !gen.isUnsetId(em.get(o, gen));
    }

    /**
     * A set of weakly held objects compared by identity (entities may override equals): a chained
     * hash table of weak references that carry their identity hash. Closing a session adds thousands
     * of objects at once and most are never asked about, so what is added is kept as batches of weak
     * references (no identity hash computed yet); a batch is moved into the table when a lookup or removal needs it, or
     * once a garbage collection has run since it came (which leaves little to move: the objects that
     * were dropped are gone by then).
     */
    static final class WeakIdentitySet {
        private Ref[] table = new Ref[256];
        private int count;
        /** Added but not yet in {@link #table}: arrays of references, each with how many of it count and when it came. */
        private Reference<?>[][] batches = new Reference<?>[8][];
        private int[] batchLengths = new int[8];
        private long[] batchEpochs = new long[8];
        private int batchCount;
        /** The number of garbage collections the JVM had run when the last batch was added. */
        private long gcEpoch = -1;

        private static final class Ref extends WeakReference<Object> {
            final int hash;
            Ref next;

            Ref(Object o, int hash, Ref next) {
                super(o);
                this.hash = hash;
                this.next = next;
            }
        }

        synchronized void add(Object o) { addBatch(new Reference<?>[] {new WeakReference<>(o)}, 1); }

        synchronized void addAll(Object[] objs, int n) {
            Reference<?>[] refs = new Reference<?>[n];
            for (int i = 0; i < n; i++) refs[i] = new WeakReference<>(objs[i]);
            addBatch(refs, n);
        }

        /**
         * Adds a batch. Batches added before the last collection was noticed are then moved into the
         * table: that collection has cleared the references to objects that had become garbage, so
         * moving costs little and keeps no dead object's state. Newer batches wait for the next one
         * (their objects are most likely still in use, or garbage not yet collected).
         */
        private void addBatch(Reference<?>[] refs, int n) {
            gcEpoch = collections();
            if (batchCount == batches.length) {
                batches = Arrays.copyOf(batches, batchCount * 2);
                batchLengths = Arrays.copyOf(batchLengths, batchCount * 2);
                batchEpochs = Arrays.copyOf(batchEpochs, batchCount * 2);
            }
            batches[batchCount] = refs;
            batchLengths[batchCount] = n;
            batchEpochs[batchCount++] = gcEpoch;
            int passed = 0;
            while (passed < batchCount && batchEpochs[passed] < gcEpoch) passed++;
            if (passed > 0) index(passed);
        }

        /** Moves every batch into the table. */
        private void index() { index(batchCount); }

        private static final java.util.List<java.lang.management.GarbageCollectorMXBean> COLLECTORS =
                java.lang.management.ManagementFactory.getGarbageCollectorMXBeans();

        /** How many collections the JVM's collectors have run (young and old alike). */
        private static long collections() {
            long n = 0;
            for (java.lang.management.GarbageCollectorMXBean c : COLLECTORS) n += Math.max(0, c.getCollectionCount());
            return n;
        }

        /**
         * Moves the first {@code upTo} batches into the table, leaving out collected objects and states
         * that never had a row.
         */
        private void index(int upTo) {
            if (upTo == 0) return;
            for (int b = 0; b < upTo; b++) {
                Reference<?>[] refs = batches[b];
                for (int i = 0, n = batchLengths[b]; i < n; i++) {
                    Reference<?> r = refs[i];
                    Object o = r.get();
                    if (o == null) continue;
                    if (count + 1 > table.length - (table.length >> 2)) ensureRoom(1); // grows with what is alive
                    int h = System.identityHashCode(o);
                    int k = h & (table.length - 1);
                    table[k] = new Ref(o, h, table[k]);
                    count++;
                }
                batches[b] = null;
            }
            int left = batchCount - upTo;
            System.arraycopy(batches, upTo, batches, 0, left);
            System.arraycopy(batchLengths, upTo, batchLengths, 0, left);
            System.arraycopy(batchEpochs, upTo, batchEpochs, 0, left);
            Arrays.fill(batches, left, batchCount, null);
            batchCount = left;
            if (batches.length > 64 && batchCount < 8) {
                batches = Arrays.copyOf(batches, 8);
                batchLengths = Arrays.copyOf(batchLengths, 8);
                batchEpochs = Arrays.copyOf(batchEpochs, 8);
            }
        }

        private void ensureRoom(int n) {
            if (count + n <= table.length - (table.length >> 2)) return;
            purge();
            int needed = count + n;
            int len = table.length;
            while (needed > len >> 1 && len < 1 << 30) len <<= 1;
            if (len != table.length) rehash(len);
        }

        /** Drops every cleared reference. */
        private void purge() {
            for (int i = 0; i < table.length; i++) {
                Ref prev = null;
                for (Ref r = table[i]; r != null; r = r.next) {
                    if (r.get() == null) {
                        count--;
                        if (prev == null) table[i] = r.next;
                        else prev.next = r.next;
                    } else prev = r;
                }
            }
        }

        private void rehash(int len) {
            Ref[] t = new Ref[len];
            for (Ref head : table) {
                for (Ref r = head; r != null; ) {
                    Ref next = r.next;
                    int i = r.hash & (len - 1);
                    r.next = t[i];
                    t[i] = r;
                    r = next;
                }
            }
            table = t;
        }

        /** Removes {@code o} (every entry for it). */
        synchronized void remove(Object o) {
            index();
            int h = System.identityHashCode(o);
            int i = h & (table.length - 1);
            Ref prev = null;
            for (Ref r = table[i]; r != null; r = r.next) {
                Object x = r.get();
                if (x == null || x == o) {
                    count--;
                    if (prev == null) table[i] = r.next;
                    else prev.next = r.next;
                } else prev = r;
            }
        }

        synchronized boolean contains(Object o) {
            index();
            int h = System.identityHashCode(o);
            for (Ref r = table[h & (table.length - 1)]; r != null; r = r.next)
                if (r.hash == h && r.get() == o) return true;
            return false;
        }
    }
}
