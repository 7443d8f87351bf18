package org.athanor.core.engine;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Prepared statements kept open, keyed by SQL text, so that a repeated statement shape (whose SQL
 * already comes from the Engine's compiled cache) also skips the driver's prepare — SQLite parses
 * and plans on every {@code prepareStatement}, which costs more than reading a row. With the
 * engine's own pool there is one per physical connection, kept across checkouts; otherwise one per
 * {@link Connection} checkout. A statement is taken out while in use and put back when its result
 * is closed, so two open results never share one. Bounded: the least recently used is closed.
 * Not thread-safe (a connection is used by one thread at a time; the pool hands it over).
 */
final class OpenStatements {
    private final int capacity;
    private final LinkedHashMap<String, PreparedStatement> idle;

    OpenStatements(int capacity) {
        this.capacity = capacity;
        this.idle = new LinkedHashMap<>(16, 0.75f, true);
    }

    /**
     * The key walk the statements run here reuse, one at a time (see {@link #takeWalk}): kept with the statements,
     * since both belong to the physical connection and are used by one checkout at a time.
     */
    private org.athanor.core.internal.compile.KeyCollector walk;

    /** The kept key walk, now the caller's (empty), or a new one when it is taken already or was let go. */
    org.athanor.core.internal.compile.KeyCollector takeWalk() {
        org.athanor.core.internal.compile.KeyCollector k = walk;
        walk = null;
        return k != null ? k : new org.athanor.core.internal.compile.KeyCollector();
    }

    /**
     * Gives a walk back once its statement is compiled: reset (no token or value of the statement stays reachable)
     * and kept, unless a large statement grew it past {@link org.athanor.core.internal.compile.KeyCollector#KEPT_CAPACITY}.
     */
    void giveWalk(org.athanor.core.internal.compile.KeyCollector k) {
        if (k.capacity() > org.athanor.core.internal.compile.KeyCollector.KEPT_CAPACITY) return;
        k.reset();
        walk = k;
    }

    /** How many statements are idle here. */
    int size() { return idle.size(); }

    /** An idle statement for {@code sql}, now owned by the caller, or null. */
    PreparedStatement take(String sql) { return idle.isEmpty() ? null : idle.remove(sql); }

    /** Stops keeping {@code ps} if it is the idle statement for {@code sql} (the caller closes it). */
    void remove(String sql, PreparedStatement ps) { idle.remove(sql, ps); }

    /** Keeps {@code ps} for the next execution of {@code sql}. */
    void put(String sql, PreparedStatement ps) throws SQLException {
        if (capacity == 0) {
            ps.close();
            return;
        }
        PreparedStatement previous = idle.put(sql, ps);
        if (previous != null && previous != ps) previous.close(); // two were in use at once: keep one
        if (idle.size() > capacity) {
            Iterator<Map.Entry<String, PreparedStatement>> eldest = idle.entrySet().iterator();
            PreparedStatement drop = eldest.next().getValue();
            eldest.remove();
            drop.close();
        }
    }

    /** Closes every idle statement; the first failure is rethrown after all were tried. */
    void closeAll() throws SQLException {
        SQLException first = null;
        for (PreparedStatement ps : idle.values()) {
            try {
                ps.close();
            } catch (SQLException e) {
                if (first == null) first = e;
                else first.addSuppressed(e);
            }
        }
        idle.clear();
        if (first != null) throw first;
    }
}
