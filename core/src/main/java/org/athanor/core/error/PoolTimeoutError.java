package org.athanor.core.error;

import java.sql.SQLException;

/**
 * No pooled connection became free within {@code EngineOptions.connectionTimeout} (SQLAlchemy's pool
 * TimeoutError). The message gives the pool's figures at that moment: its size, the connections in
 * use, the threads waiting and the timeout. Usually connections are held too long or leaked (see
 * {@code EngineOptions.leakDetectionThreshold}), or the pool is too small for the load.
 */
public class PoolTimeoutError extends OperationalError {
    private final int poolSize;
    private final int active;
    private final int waiting;
    private final long timeoutMillis;

    public PoolTimeoutError(String message, SQLException cause, int poolSize, int active, int waiting, long timeoutMillis) {
        super(message, null, cause);
        this.poolSize = poolSize;
        this.active = active;
        this.waiting = waiting;
        this.timeoutMillis = timeoutMillis;
    }

    /** The pool's maximum size. */
    public int poolSize() { return poolSize; }
    /** Connections checked out when the wait ended. */
    public int active() { return active; }
    /** Threads waiting for a connection when the wait ended (this one included). */
    public int waiting() { return waiting; }
    public long timeoutMillis() { return timeoutMillis; }
}
