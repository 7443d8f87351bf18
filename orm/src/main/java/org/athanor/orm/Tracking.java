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
 * a session after having a row (detached). Both hold objects weakly, compared by identity.
 */
final class Tracking {
    private Tracking() {}

    private static final Set<Session> OPEN = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));
    private static final WeakIdentitySet DETACHED = new WeakIdentitySet();

    static void opened(Session s) { OPEN.add(s); }

    static void closed(Session s) { OPEN.remove(s); }

    /** How many sessions are open (a quick test before scanning them). */
    static int openCount() { return OPEN.size(); }

    static List<Session> openSessions() {
        synchronized (OPEN) {
            return new ArrayList<>(OPEN);
        }
    }

    /** Records that the object of {@code s} left its session after having a row. */
    static void detached(InstanceState s) { DETACHED.addStates(new InstanceState[] {s}, 1); }

    /**
     * Records the objects of the first {@code n} states as detached when they had a row (status not
     * PENDING, read when the set is next consulted: the states no longer change). Takes {@code states}
     * over: the caller must not change the array afterwards.
     */
    static void detachedAll(InstanceState[] states, int n) { DETACHED.addStates(states, n); }

    static void attached(Object o) { DETACHED.remove(o); }

    static boolean isDetached(Object o) { return DETACHED.contains(o); }

    /**
     * A set of weakly held objects compared by identity (entities may override equals): a chained
     * hash table of weak references that carry their identity hash. Closing a session adds thousands
     * of objects at once and most are never asked about, so what is added is kept as batches of
     * references as given (a session's {@link InstanceState}s are weak references to their objects),
     * with no work per object; the batches are moved into the table when a lookup or removal needs
     * it, or, once they hold many entries and a garbage collection has run since the last time, to
     * drop what was collected.
     */
    static final class WeakIdentitySet {
        private Ref[] table = new Ref[256];
        private int count;
        /** Added but not yet in {@link #table}: arrays of references, each with how many of it count. */
        private Reference<?>[][] batches = new Reference<?>[8][];
        private int[] batchLengths = new int[8];
        private int batchCount;
        private long batched;
        /** Batched entries above which an addition indexes the batches (when a collection has run). */
        private long indexAt = 1 << 14;
        /** Cleared by the first collection after it is made. */
        private WeakReference<Object> sinceLastIndex = new WeakReference<>(new Object());

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

        /** Adds the objects of states that had a row; takes the array over. */
        synchronized void addStates(InstanceState[] states, int n) { addBatch(states, n); }

        private void addBatch(Reference<?>[] refs, int n) {
            if (batchCount == batches.length) {
                batches = Arrays.copyOf(batches, batchCount * 2);
                batchLengths = Arrays.copyOf(batchLengths, batchCount * 2);
            }
            batches[batchCount] = refs;
            batchLengths[batchCount++] = n;
            batched += n;
            if (batched - n >= indexAt && sinceLastIndex.get() == null) {
                // the batch just added is left out: its objects are most likely still in use
                index(batchCount - 1);
                indexAt = Math.max(1 << 14, 2L * count);
            }
        }

        /** Moves every batch into the table. */
        private void index() { index(batchCount); }

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
                    if (r instanceof InstanceState st && st.status == InstanceState.Status.PENDING) continue;
                    Object o = r.get();
                    if (o == null) continue;
                    if (count + 1 > table.length - (table.length >> 2)) ensureRoom(1); // grows with what is alive
                    int h = System.identityHashCode(o);
                    int k = h & (table.length - 1);
                    table[k] = new Ref(o, h, table[k]);
                    count++;
                }
                batched -= batchLengths[b];
                batches[b] = null;
            }
            int left = batchCount - upTo;
            System.arraycopy(batches, upTo, batches, 0, left);
            System.arraycopy(batchLengths, upTo, batchLengths, 0, left);
            Arrays.fill(batches, left, batchCount, null);
            batchCount = left;
            if (batches.length > 64 && batchCount < 8) {
                batches = Arrays.copyOf(batches, 8);
                batchLengths = Arrays.copyOf(batchLengths, 8);
            }
            sinceLastIndex = new WeakReference<>(new Object());
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
