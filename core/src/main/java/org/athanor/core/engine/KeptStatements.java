package org.athanor.core.engine;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Prepared statements kept per physical connection of an {@link Engine}'s own pool, across checkouts
 * (the pool's statement cache, as DBCP's poolPreparedStatements): SQLite parses and plans on every
 * prepare, so a short transaction repeating yesterday's statement would otherwise pay that each
 * time. Entries of connections the pool closed are dropped at the next new connection.
 */
final class KeptStatements {
    static final int PER_CONNECTION = 32;

    private final Map<java.sql.Connection, OpenStatements> kept = new java.util.IdentityHashMap<>();
    /**
     * A copy of {@link #kept}, replaced (under the lock on kept) whenever kept changes: every checkout
     * reads it without a lock. Kept changes only when the pool opens or drops a physical connection,
     * a handful of times per pool; a lock on every checkout was the one monitor 16 threads contended
     * for in the concurrent request mix (docs/benchmarks.md).
     */
    private volatile Map<java.sql.Connection, OpenStatements> view = Map.of();

    /** The kept statements of a physical connection, or null for one not seen before (see {@link #keep}). */
    OpenStatements of(java.sql.Connection physical) { return view.get(physical); }

    /** Publishes kept's current entries to the checkouts; called with the lock on kept held. */
    private void publish() { view = new java.util.IdentityHashMap<>(kept); }

    /** Starts keeping statements for a new physical connection; those of connections the pool has closed are let go. */
    OpenStatements keep(java.sql.Connection physical, int poolSize) throws SQLException {
        synchronized (kept) {
            if (kept.size() >= poolSize) {
                var it = kept.keySet().iterator();
                while (it.hasNext()) if (it.next().isClosed()) it.remove();
            }
            OpenStatements o = new OpenStatements(PER_CONNECTION);
            kept.put(physical, o);
            publish();
            return o;
        }
    }

    /** How many statements are kept over all connections (approximate while connections are in use). */
    int count() {
        synchronized (kept) {
            int n = 0;
            for (OpenStatements o : kept.values()) n += o.size();
            return n;
        }
    }

    /** Stops keeping the statements of a broken connection, closing them. */
    void drop(java.sql.Connection physical) {
        OpenStatements o;
        synchronized (kept) {
            o = kept.remove(physical);
            publish();
        }
        if (o != null) try {
            o.closeAll();
        } catch (SQLException ignored) {
            // the connection is going: its statements go with it
        }
    }

    /** Forgets every connection and returns them (the engine closes them all when it closes). */
    List<java.sql.Connection> clear() {
        synchronized (kept) {
            List<java.sql.Connection> physical = new ArrayList<>(kept.keySet());
            kept.clear();
            publish();
            return physical;
        }
    }
}
