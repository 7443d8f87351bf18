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
     * A set of weakly held objects compared by identity (entities may override equals). A chained
     * hash table of weak references that carry their identity hash: closing a session adds thousands
     * of objects at once, so an add is one allocation and a bucket link, under one lock per batch.
     * Cleared references are dropped when the table would grow (no reference queue: the collector
     * need not enqueue anything), and along the chains that remove() walks.
     */
    static final class WeakIdentitySet {
        private Ref[] table = new Ref[256];
        private int count;

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
            ensureRoom(1);
            insert(o);
        }

        synchronized void addAll(Object[] objs, int n) {
            ensureRoom(n);
            for (int i = 0; i < n; i++) insert(objs[i]);
        }

        /** Adds without looking for a previous entry: duplicates are harmless, and remove() drops them all. */
        private void insert(Object o) {
            int h = System.identityHashCode(o);
            int i = h & (table.length - 1);
            table[i] = new Ref(o, h, table[i]);
            count++;
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
            int h = System.identityHashCode(o);
            for (Ref r = table[h & (table.length - 1)]; r != null; r = r.next)
                if (r.hash == h && r.get() == o) return true;
            return false;
        }
    }
}
