package org.athanor.core.engine;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Borrowing connections for an {@link Engine}: from its DataSource (its own HikariCP pool, or one the
 * application gave), with the pre-ping of {@link EngineOptions#prePing()}, a checkout that the engine's
 * {@code close()} ended reported as closed, and the pool's timeout as a
 * {@link org.athanor.core.error.PoolTimeoutError} with the pool's figures.
 */
final class Checkout {
    private final Engine engine;
    private final DataSource dataSource;
    private final HikariDataSource pool; // null when the user gave a DataSource
    private final boolean prePing;
    private final String description;

    Checkout(Engine engine, DataSource dataSource, HikariDataSource pool, boolean prePing, String description) {
        this.engine = engine;
        this.dataSource = dataSource;
        this.pool = pool;
        this.prePing = prePing;
        this.description = description;
    }

    /**
     * Each thread that ever borrowed from this engine's own pool, with whether it is waiting inside the pool for a
     * connection now. HikariCP does not wake waiting threads when it shuts down (each would wait out its connection
     * timeout), so {@link Engine#close()} interrupts them. A thread's entry is made at its first checkout and kept: a
     * checkout then only reads the map and writes its own entry's flag twice (no shared structure is written, nothing
     * is allocated). Entries of threads that ended are dropped when the map has grown to twice its size at the last drop.
     */
    private final java.util.concurrent.ConcurrentHashMap<Thread, Borrower> borrowers = new java.util.concurrent.ConcurrentHashMap<>();
    /** The size of {@link #borrowers} at which ended threads' entries are dropped next (a hint: races only move it). */
    private volatile int dropEndedAt = 64;

    /** A thread that borrows from the pool, and whether it is waiting in it now. */
    static final class Borrower {
        final Thread thread;
        volatile boolean waiting;

        Borrower(Thread thread) { this.thread = thread; }
    }

    /** The current thread's entry in {@link #borrowers}, made at its first checkout. */
    private Borrower borrower() {
        Thread me = Thread.currentThread();
        Borrower b = borrowers.get(me);
        return b != null ? b : register(me);
    }

    private Borrower register(Thread me) {
        if (borrowers.size() >= dropEndedAt) {
            borrowers.keySet().removeIf(t -> !t.isAlive());
            dropEndedAt = Math.max(64, 2 * borrowers.size());
        }
        return borrowers.computeIfAbsent(me, Borrower::new);
    }

    /** How many threads are known to {@link #borrowers} (for tests of the dropping of ended threads). */
    int borrowersKnown() { return borrowers.size(); }

    /** One connection from the DataSource; a checkout that {@link Engine#close()} ended raises a ResourceClosedError. */
    private java.sql.Connection borrow() throws SQLException {
        if (pool == null) return dataSource.getConnection();
        Borrower me = borrower();
        me.waiting = true;
        java.sql.Connection c;
        try {
            c = dataSource.getConnection();
        } catch (SQLException e) {
            if (!engine.closed) throw e;
            Thread.interrupted(); // the interrupt was close()'s, not the caller's
            throw engine.closedEngine();
        } finally {
            me.waiting = false;
        }
        if (engine.closed) { // close() ran while this checkout completed: its interrupt, if any, was ours too
            Thread.interrupted();
            closeQuietly(c);
            throw engine.closedEngine();
        }
        return c;
    }

    /**
     * A connection from the DataSource; with {@link EngineOptions#prePing()}, one that answered a
     * validation round trip (dead ones are evicted and replaced, up to the pool's size plus one).
     */
    java.sql.Connection take() throws SQLException {
        java.sql.Connection c = borrow();
        if (!prePing) return c;
        int tries = pool == null ? 1 : pool.getMaximumPoolSize() + 1;
        for (int i = 0; ; i++) {
            if (isAlive(c)) return c;
            if (pool != null) pool.evictConnection(c);
            else closeQuietly(c);
            Engine.LOG.info("pre-ping: a dead pooled connection was replaced before use ({})", description);
            if (i + 1 >= tries) return borrow(); // a fresh one from the pool: its failure is the real error
            c = borrow();
        }
    }

    private static boolean isAlive(java.sql.Connection c) {
        try {
            return c.isValid(5);
        } catch (SQLException e) {
            return false;
        }
    }

    private static void closeQuietly(java.sql.Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // already dead: pre-ping found it so
        }
    }

    /** HikariCP's "request timed out" as a {@link org.athanor.core.error.PoolTimeoutError} with the pool's figures. */
    org.athanor.core.error.PoolTimeoutError timeout(java.sql.SQLTransientConnectionException e) {
        var mx = pool.getHikariPoolMXBean();
        int size = pool.getMaximumPoolSize();
        int active = mx == null ? -1 : mx.getActiveConnections();
        int waiting = mx == null ? -1 : mx.getThreadsAwaitingConnection() + 1;
        long timeout = pool.getConnectionTimeout();
        Throwable cause = e.getCause();
        String msg = "no connection became free in " + timeout + " ms from the pool of " + description + " (size " + size + ", "
                + active + " in use, " + (mx == null ? "?" : mx.getIdleConnections()) + " idle, " + waiting + " waiting): "
                + (cause != null ? "connecting failed: " + cause.getMessage()
                        : "close connections sooner (try-with-resources), raise EngineOptions.poolSize, or find leaks with "
                        + "EngineOptions.leakDetectionThreshold");
        return new org.athanor.core.error.PoolTimeoutError(msg, e, size, active, waiting, timeout);
    }

    /** Wakes the threads waiting for a connection of the engine's own pool (its close() calls this). */
    void interruptWaiting() {
        for (Borrower b : borrowers.values()) if (b.waiting) b.thread.interrupt();
    }
}
