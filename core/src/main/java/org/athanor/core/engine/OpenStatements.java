package org.athanor.core.engine;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.LinkedHashMap;

/**
 * Prepared statements kept open, keyed by SQL text, so that a repeated statement shape (whose SQL
 * already comes from the Engine's compiled cache) also skips the driver's prepare — SQLite parses
 * and plans on every {@code prepareStatement}, which costs more than reading a row. With the
 * engine's own pool there is one per physical connection, kept across checkouts; otherwise one per
 * {@link Connection} checkout. A statement is lent while in use and given back when its result is
 * closed, so two open results never share one; it keeps its map entry meanwhile (marked lent), so
 * lending and giving back allocate nothing. Bounded: the least recently used idle one is closed.
 * Not thread-safe (a connection is used by one thread at a time; the pool hands it over).
 */
final class OpenStatements {
    private final int capacity;
    /** By SQL text (slot), in access order: the least recently used first. */
    private final LinkedHashMap<String, Kept> kept;

    /** The statement kept for one slot, and whether a checkout has it now. */
    private static final class Kept {
        PreparedStatement ps;
        boolean lent;

        Kept(PreparedStatement ps) { this.ps = ps; }
    }

    OpenStatements(int capacity) {
        this.capacity = capacity;
        this.kept = new LinkedHashMap<>(16, 0.75f, true);
    }

    /**
     * The key walk the statements run here reuse, one at a time (see {@link #takeWalk}): kept with the statements,
     * since both belong to the physical connection and are used by one checkout at a time.
     */
    private org.athanor.core.internal.compile.KeyCollector walk;

    /**
     * The statement cache's hit count for the statements run here (see {@link StatementCache#hitsFor}), or null to count
     * in the cache's shared one: set by the engine for the kept statements of a physical connection of its own pool.
     */
    StatementCache.Hits hits;

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

    /** The sizes of {@link #lent} and {@link #bound} kept past a checkout; larger ones, grown by one checkout, are let go. */
    static final int KEPT_LENT = 4, KEPT_BOUND = 64;

    /**
     * The bookkeeping arrays of the checkout using these statements ({@link LentStatements}: the statements it has lent,
     * those it gave back holding values, and their slots), kept with the statements for the next checkout as the key
     * walk is: one checkout at a time uses them, and each leaves them empty.
     */
    PreparedStatement[] lent = new PreparedStatement[KEPT_LENT];
    PreparedStatement[] bound;
    String[] boundSlots;

    /** How many statements are kept here (idle or lent). */
    int size() { return kept.size(); }

    /** The idle statement for {@code sql}, now lent to the caller (give it back with {@link #put}), or null. */
    PreparedStatement take(String sql) {
        Kept k = kept.get(sql);
        if (k == null || k.lent) return null;
        k.lent = true;
        return k.ps;
    }

    /** Stops keeping {@code ps} if it is the statement kept for {@code sql} (the caller closes it). */
    void remove(String sql, PreparedStatement ps) {
        Kept k = kept.get(sql);
        if (k != null && k.ps == ps) kept.remove(sql);
    }

    /** Stops keeping {@code ps} wherever it is kept: it is being closed (it failed, or its result was abandoned). */
    void lost(PreparedStatement ps) {
        if (kept.isEmpty()) return;
        Iterator<Kept> it = kept.values().iterator();
        while (it.hasNext())
            if (it.next().ps == ps) {
                it.remove();
                return;
            }
    }

    /** Keeps {@code ps} (idle) for the next execution of {@code sql}. */
    void put(String sql, PreparedStatement ps) throws SQLException {
        if (capacity == 0) {
            ps.close();
            return;
        }
        Kept k = kept.get(sql);
        if (k != null) {
            if (k.ps == ps) k.lent = false; // given back: the usual case
            else if (k.lent) ps.close(); // two were in use at once: the kept one comes back, this one goes
            else {
                PreparedStatement previous = k.ps;
                k.ps = ps;
                previous.close();
            }
            return;
        }
        kept.put(sql, new Kept(ps));
        if (kept.size() > capacity) {
            Iterator<Kept> eldest = kept.values().iterator();
            while (eldest.hasNext()) {
                Kept e = eldest.next();
                if (e.lent) continue; // in use: the next idle one goes
                eldest.remove();
                e.ps.close();
                return;
            }
        }
    }

    /** Closes every kept statement; the first failure is rethrown after all were tried. */
    void closeAll() throws SQLException {
        SQLException first = null;
        for (Kept k : kept.values()) {
            try {
                k.ps.close();
            } catch (SQLException e) {
                if (first == null) first = e;
                else first.addSuppressed(e);
            }
        }
        kept.clear();
        if (first != null) throw first;
    }
}
