package org.athanor.orm;

import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
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

    static void attached(Object o) { DETACHED.remove(o); }

    static boolean isDetached(Object o) { return DETACHED.contains(o); }

    /** A set of weakly held objects compared by identity (entities may override equals). */
    static final class WeakIdentitySet {
        private final ReferenceQueue<Object> queue = new ReferenceQueue<>();
        private final Set<Ref> refs = new HashSet<>();

        private static final class Ref extends WeakReference<Object> {
            final int hash;

            Ref(Object o, ReferenceQueue<Object> q) {
                super(o, q);
                hash = System.identityHashCode(o);
            }

            @Override public int hashCode() { return hash; }

            @Override public boolean equals(Object other) {
                if (this == other) return true;
                if (!(other instanceof Ref r)) return false;
                Object mine = get();
                return mine != null && mine == r.get();
            }
        }

        private void purge() {
            for (Object r; (r = queue.poll()) != null; ) refs.remove(r);
        }

        synchronized void add(Object o) {
            purge();
            refs.add(new Ref(o, queue));
        }

        synchronized void remove(Object o) {
            purge();
            refs.remove(new Ref(o, null));
        }

        synchronized boolean contains(Object o) {
            purge();
            return refs.contains(new Ref(o, null));
        }
    }
}
