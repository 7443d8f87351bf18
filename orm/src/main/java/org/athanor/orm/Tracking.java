package org.athanor.orm;

import java.lang.ref.WeakReference;
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

    static void detached(Object o) { DETACHED.add(o); }

    /** Records the first {@code n} objects of {@code objs} as detached, under one lock (a closing session's objects). */
    static void detachedAll(Object[] objs, int n) { DETACHED.addAll(objs, n); }

    static void attached(Object o) { DETACHED.remove(o); }

    static boolean isDetached(Object o) { return DETACHED.contains(o); }

    /**
     * A set of weakly held objects compared by identity (entities may override equals): a chained
     * hash table of weak references that carry their identity hash. Closing a session adds thousands
     * of objects at once and most are never asked about, so a batch is only appended to a log (one
     * allocation and a sequential write per object, under one lock); the log is moved into the table
     * when a lookup or removal needs it. Cleared references are dropped when the log or the table
     * would grow (no reference queue: the collector need not enqueue anything).
     */
    static final class WeakIdentitySet {
        private Ref[] table = new Ref[256];
        private int count;
        /** Added but not yet in {@link #table}. */
        private Ref[] log = new Ref[256];
        private int logged;

        private static final class Ref extends WeakReference<Object> {
            final int hash;
            Ref next;

            Ref(Object o, int hash, Ref next) {
                super(o);
                this.hash = hash;
                this.next = next;
            }
        }

        synchronized void add(Object o) {
            ensureLogRoom(1);
            log[logged++] = new Ref(o, System.identityHashCode(o), null);
        }

        synchronized void addAll(Object[] objs, int n) {
            ensureLogRoom(n);
            for (int i = 0; i < n; i++) {
                Object o = objs[i];
                log[logged++] = new Ref(o, System.identityHashCode(o), null);
            }
        }

        /**
         * Cleared by the first collection after it is made: until then no reference in the log can have
         * been cleared, so a full log grows without being scanned.
         */
        private WeakReference<Object> sinceLastScan = new WeakReference<>(new Object());

        private void ensureLogRoom(int n) {
            if (logged + n <= log.length) return;
            if (sinceLastScan.get() == null) {
                int live = 0;
                for (int i = 0; i < logged; i++) if (log[i].get() != null) log[live++] = log[i];
                java.util.Arrays.fill(log, live, logged, null);
                logged = live;
                sinceLastScan = new WeakReference<>(new Object());
            }
            int len = log.length;
            while (logged + n > len >> 1) len <<= 1;
            if (len != log.length) log = java.util.Arrays.copyOf(log, len);
        }

        /** Moves the log into the table; duplicates are harmless, and remove() drops them all. */
        private void index() {
            if (logged == 0) return;
            ensureRoom(logged);
            for (int i = 0; i < logged; i++) {
                Ref r = log[i];
                log[i] = null;
                if (r.get() == null) continue;
                int b = r.hash & (table.length - 1);
                r.next = table[b];
                table[b] = r;
                count++;
            }
            logged = 0;
            if (log.length > 4096) log = new Ref[256];
        }

        private void ensureRoom(int n) {
            if (count + n <= table.length - (table.length >> 2)) return;
            purge();
            int needed = count + n;
            int len = table.length;
            while (needed > len >> 1) len <<= 1;
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
