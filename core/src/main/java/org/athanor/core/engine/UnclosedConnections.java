package org.athanor.core.engine;

import java.lang.ref.PhantomReference;
import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.sql.SQLException;

/**
 * Finds {@link Connection}s the garbage collector reclaims without {@code close()}: each checkout is
 * watched by a phantom reference of this engine's; when the Connection becomes unreachable unclosed,
 * the engine's watcher thread warns and gives the JDBC connection back to the pool after a rollback,
 * where it would otherwise stay checked out for good (HikariCP cannot reclaim a proxy it never got
 * back). Where the Connection was opened is recorded only with {@link EngineOptions#leakDetectionThreshold()}:
 * a stack trace per checkout is too dear for the common path.
 *
 * <p>Why not a {@link java.lang.ref.Cleaner}: its registrations are one list under one lock, entered at
 * every checkout and every close; with 16 threads on 2 cores that lock was the one monitor of the
 * request path found contended (JFR jdk.JavaMonitorEnter, docs/benchmarks.md, session 14). The watched
 * references here are held in {@value #STRIPES} stripes, each a list linked through the references themselves under
 * its own lock, a thread's checkouts in the stripe of its id: threads on different stripes share nothing, and a watch
 * allocates nothing beyond its reference (a concurrent set cost a node, a bin CAS and a shared size counter per
 * checkout, and as much again per close). The stripes' counts sum to the engine's {@link Engine#connectionsInUse()}:
 * the checkout path writes no counter of its own.
 * As a Cleaner's thread, the watcher ends once this object is unreachable (the engine dropped) and no
 * watched connection is left, and it holds neither this object nor the engine while it waits.
 */
final class UnclosedConnections {
    private final Engine engine;
    private final boolean recordStacks;
    private final Watcher watcher;

    UnclosedConnections(Engine engine, boolean recordStacks) {
        this.engine = engine;
        this.recordStacks = recordStacks;
        this.watcher = new Watcher(this);
        // no inherited thread locals: the creating thread's could keep the application's objects reachable
        Thread t = new Thread(null, watcher, "athanor-unclosed-connections", 0, false);
        t.setDaemon(true);
        t.start();
    }

    /** Watches {@code owner}; the returned handle's {@link Handle#closed()} must be called by its close(). */
    Handle watch(Connection owner, java.sql.Connection jdbc, java.sql.Connection physical) {
        Stripe stripe = watcher.stripes[(int) Thread.currentThread().getId() & (STRIPES - 1)];
        Handle h = new Handle(owner, watcher, stripe, engine, jdbc, physical,
                recordStacks ? new Throwable("the unclosed Connection was opened here") : null);
        stripe.add(h);
        return h;
    }

    /** How many checkouts are watched now: the engine's connections in use (opened, neither closed nor reclaimed). */
    int watched() { return watcher.count(); }

    /** How many stripes the watched references are spread over (a power of two). */
    static final int STRIPES = 16;

    /**
     * Watched references, linked through their own fields under this stripe's lock. The list keeps each reference
     * reachable until its Connection is closed or reclaimed (an unreachable phantom reference is never enqueued).
     */
    static final class Stripe {
        private Handle head;
        /** Written under the lock, read without it ({@link #watched()}). */
        private volatile int count;

        synchronized void add(Handle h) {
            h.next = head;
            if (head != null) head.prev = h;
            head = h;
            h.linked = true;
            count = count + 1;
        }

        /** Unlinks {@code h}; false when it was unlinked already (closed, or taken by the watcher). */
        synchronized boolean remove(Handle h) {
            if (!h.linked) return false;
            if (h.prev != null) h.prev.next = h.next;
            else head = h.next;
            if (h.next != null) h.next.prev = h.prev;
            h.prev = h.next = null;
            h.linked = false;
            count = count - 1;
            return true;
        }

        int count() { return count; }
    }

    /**
     * What the owning Connection holds: closing it disarms the action. The action, run when the Connection was
     * collected unclosed, is the handle's own ({@link #reclaim}): a phantom reference does not keep its Connection
     * reachable, and nothing else here refers to it.
     */
    static final class Handle extends PhantomReference<Connection> {
        /** The stripe whose list holds this reference while it is {@link #linked}. */
        private final Stripe stripe;
        /** Guarded by {@link #stripe}'s lock. */
        private Handle prev, next;
        private boolean linked;
        private final Engine engine;
        private final java.sql.Connection jdbc;
        private final java.sql.Connection physical;
        private final Throwable openedAt;
        private volatile boolean closed;

        Handle(Connection owner, Watcher watcher, Stripe stripe, Engine engine, java.sql.Connection jdbc, java.sql.Connection physical,
                Throwable openedAt) {
            super(owner, watcher.queue);
            this.stripe = stripe;
            this.engine = engine;
            this.jdbc = jdbc;
            this.physical = physical;
            this.openedAt = openedAt;
        }

        /** The Connection was closed properly: nothing to do when it is collected (and the watch goes now). */
        void closed() {
            closed = true;
            clear();
            stripe.remove(this);
        }

        /** The Connection was collected unclosed: warn, roll back, and give its JDBC connection back to the pool. */
        void reclaim() {
            if (closed) return;
            String msg = "a Connection of " + engine + " was garbage-collected without close(): its transaction was rolled back and "
                    + "its connection returned to the pool. Close connections with try-with-resources"
                    + (openedAt == null ? " (EngineOptions.leakDetectionThreshold records where each one is opened)" : "");
            if (openedAt != null) EchoLog.LOG.warn(msg, openedAt);
            else EchoLog.LOG.warn(msg);
            boolean broken = false;
            try {
                if (!jdbc.isClosed()) jdbc.rollback();
            } catch (SQLException e) {
                broken = true;
            }
            engine.release(jdbc, physical, broken);
        }
    }

    /**
     * The watcher thread's work: the references of the watched checkouts (kept reachable by the stripes until closed
     * or enqueued), and one of the owning object, whose enqueueing tells the thread to end.
     */
    private static final class Watcher implements Runnable {
        final ReferenceQueue<Object> queue = new ReferenceQueue<>();
        final Stripe[] stripes = new Stripe[STRIPES];
        private final PhantomReference<UnclosedConnections> owner;

        Watcher(UnclosedConnections owner) {
            this.owner = new PhantomReference<>(owner, queue);
            for (int i = 0; i < STRIPES; i++) stripes[i] = new Stripe();
        }

        int count() {
            int n = 0;
            for (Stripe s : stripes) n += s.count();
            return n;
        }

        @Override
        public void run() {
            boolean ownerGone = false;
            while (!ownerGone || count() != 0) {
                Reference<?> r;
                try {
                    // once the owner is gone only connections already unreachable may still come: do not wait for ever
                    r = ownerGone ? queue.remove(1000) : queue.remove();
                } catch (InterruptedException e) {
                    continue; // a daemon: only the owner's end stops it
                }
                if (r == null) return;
                if (r == owner) ownerGone = true;
                else if (r instanceof Handle h && h.stripe.remove(h)) {
                    try {
                        h.reclaim();
                    } catch (RuntimeException e) {
                        EchoLog.LOG.warn("returning an unclosed Connection's JDBC connection to the pool failed", e);
                    }
                }
            }
        }
    }
}
