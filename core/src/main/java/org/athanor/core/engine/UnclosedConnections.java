package org.athanor.core.engine;

import java.lang.ref.Cleaner;
import java.sql.SQLException;

/**
 * Finds {@link Connection}s the garbage collector reclaims without {@code close()}: each checkout
 * registers a small action with this engine's {@link Cleaner} (one per Engine, so no lock is shared
 * between engines); when the Connection becomes unreachable unclosed, the action warns and gives the
 * JDBC connection back to the pool after a rollback, where it would otherwise stay checked out for
 * good (HikariCP cannot reclaim a proxy it never got back). Where the Connection was opened is
 * recorded only with {@link EngineOptions#leakDetectionThreshold()}: a stack trace per checkout is
 * too dear for the common path.
 */
final class UnclosedConnections {
    private final Cleaner cleaner = Cleaner.create();
    private final Engine engine;
    private final boolean recordStacks;

    UnclosedConnections(Engine engine, boolean recordStacks) {
        this.engine = engine;
        this.recordStacks = recordStacks;
    }

    /** Watches {@code owner}; the returned handle's {@link Handle#closed()} must be called by its close(). */
    Handle watch(Connection owner, java.sql.Connection jdbc, java.sql.Connection physical) {
        Leak leak = new Leak(engine, jdbc, physical, recordStacks ? new Throwable("the unclosed Connection was opened here") : null);
        return new Handle(leak, cleaner.register(owner, leak));
    }

    /** What the owning Connection holds: closing it disarms the action. */
    static final class Handle {
        private final Leak leak;
        private final Cleaner.Cleanable cleanable;

        Handle(Leak leak, Cleaner.Cleanable cleanable) {
            this.leak = leak;
            this.cleanable = cleanable;
        }

        /** The Connection was closed properly: nothing to do when it is collected (and the registration goes now). */
        void closed() {
            leak.closed = true;
            cleanable.clean();
        }
    }

    /** The action; it must not refer to the Connection, or the Connection would never become unreachable. */
    private static final class Leak implements Runnable {
        private final Engine engine;
        private final java.sql.Connection jdbc;
        private final java.sql.Connection physical;
        private final Throwable openedAt;
        volatile boolean closed;

        Leak(Engine engine, java.sql.Connection jdbc, java.sql.Connection physical, Throwable openedAt) {
            this.engine = engine;
            this.jdbc = jdbc;
            this.physical = physical;
            this.openedAt = openedAt;
        }

        @Override
        public void run() {
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
            engine.inUse.decrementAndGet();
            engine.release(jdbc, physical, broken);
        }
    }
}
