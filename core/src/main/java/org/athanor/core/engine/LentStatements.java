package org.athanor.core.engine;

import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Statement lending for one checkout of a {@link Connection}: statements are taken from the kept ones
 * ({@link OpenStatements}: the physical connection's own, across checkouts, when the engine owns the
 * pool; else this checkout's) or prepared, lent while they run or their result is read, and given
 * back to be kept, or closed when they failed. At the end of the checkout the statements still lent
 * are closed and the values the kept ones were given are cleared, so an idle statement holds none.
 */
final class LentStatements {
    private final OpenStatements open;
    /** Where statements are prepared: the physical connection when they outlive the checkout, else the pool's proxy. */
    private final java.sql.Connection on;
    private final boolean outliveCheckout;
    /** The statements lent now; the array is the kept statements' ({@link OpenStatements#lent}), reused checkout after checkout. */
    private PreparedStatement[] lent;
    private int lentCount;
    /**
     * Statements given back during this checkout that still hold the values of their last execution,
     * with their slot, in two parallel arrays searched by identity (a checkout runs a handful of
     * statements: a hash map's table and its entry objects at the end cost more than the search).
     * Entries of statements closed meanwhile (evicted from the kept ones, or discarded) are dropped
     * whenever the list has doubled since it was last pruned. The arrays are the kept statements'
     * ({@link OpenStatements#bound}), taken at the first statement given back and emptied at the end of the checkout.
     */
    private PreparedStatement[] bound;
    private String[] boundSlots;
    private int boundCount;
    private PreparedStatement lastBound;
    private int pruneBoundAt = 64;

    LentStatements(OpenStatements open, java.sql.Connection jdbc, java.sql.Connection physical) {
        this.open = open;
        this.on = physical != null ? physical : jdbc;
        this.outliveCheckout = physical != null;
        this.lent = open.lent;
    }

    /**
     * A statement for {@code sql}, kept under {@code slot}: one kept open from an earlier execution,
     * or a new one (prepared on the physical connection when statements outlive the checkout, so that
     * the pool's proxy, which closes the statements made through it at check-in, does not track it),
     * prepared to report the generated keys of column {@code generatedKey} when that is not null.
     */
    PreparedStatement take(String slot, String sql, String generatedKey) throws SQLException {
        PreparedStatement ps = open.take(slot);
        if (ps == null) ps = generatedKey == null ? on.prepareStatement(sql) : on.prepareStatement(sql, new String[] {generatedKey});
        if (lentCount == lent.length) lent = open.lent = java.util.Arrays.copyOf(lent, lentCount * 2);
        lent[lentCount++] = ps;
        return ps;
    }

    /** See {@link OpenStatements#takeWalk}. */
    org.athanor.core.internal.compile.KeyCollector takeWalk() { return open.takeWalk(); }

    /** See {@link OpenStatements#hits}. */
    StatementCache.Hits hits() { return open.hits; }

    /** See {@link OpenStatements#giveWalk}. */
    void giveWalk(org.athanor.core.internal.compile.KeyCollector k) { open.giveWalk(k); }

    /** Whether {@code ps} was lent by this checkout (false after its end: the kept statements may be another's now). */
    private boolean unlend(PreparedStatement ps) {
        for (int i = lentCount - 1; i >= 0; i--)
            if (lent[i] == ps) {
                lent[i] = lent[--lentCount];
                lent[lentCount] = null;
                return true;
            }
        return false;
    }

    /** Closes a lent statement instead of keeping it (it failed, or its result was abandoned). */
    void discard(PreparedStatement ps) {
        if (ps == null) return;
        // a kept statement lent to this checkout keeps its entry while lent: it goes with the statement
        if (unlend(ps)) open.lost(ps);
        closeQuietly(ps);
    }

    /** Keeps a lent statement for reuse under {@code slot}; one that cannot be kept is closed and the error thrown. */
    void keep(String slot, PreparedStatement ps) throws SQLException {
        unlend(ps);
        try {
            // a kept statement must not hold on to the values bound last (they may be large, or private)
            // past the checkout: they are cleared when it ends, not after every execution (the next
            // execution binds every parameter anyway; on SQLite clearing unbinds each one natively)
            if (outliveCheckout) boundNow(slot, ps);
            open.put(slot, ps);
        } catch (SQLException e) {
            closeQuietly(ps);
            throw e;
        }
    }

    private void boundNow(String slot, PreparedStatement ps) {
        if (ps == lastBound) return;
        lastBound = ps;
        if (bound == null) {
            if (open.bound == null) {
                open.bound = new PreparedStatement[8];
                open.boundSlots = new String[8];
            }
            bound = open.bound;
            boundSlots = open.boundSlots;
        }
        for (int i = 0; i < boundCount; i++)
            if (bound[i] == ps) {
                boundSlots[i] = slot;
                return;
            }
        if (boundCount == bound.length) {
            bound = open.bound = java.util.Arrays.copyOf(bound, 2 * boundCount);
            boundSlots = open.boundSlots = java.util.Arrays.copyOf(boundSlots, 2 * boundCount);
        }
        bound[boundCount] = ps;
        boundSlots[boundCount++] = slot;
        if (boundCount > pruneBoundAt) {
            int kept = 0;
            for (int i = 0; i < boundCount; i++)
                if (!isClosed(bound[i])) {
                    bound[kept] = bound[i];
                    boundSlots[kept++] = boundSlots[i];
                }
            java.util.Arrays.fill(bound, kept, boundCount, null);
            java.util.Arrays.fill(boundSlots, kept, boundCount, null);
            boundCount = kept;
            pruneBoundAt = Math.max(64, 2 * boundCount);
        }
    }

    /**
     * The end of the checkout: closes the statements still lent (their results were left open),
     * clears the parameters of the kept ones this checkout executed (one that cannot be cleared is
     * closed and no longer kept), and closes every kept one when they do not outlive the checkout.
     * False when closing those failed (the connection is then not to be trusted).
     */
    boolean endCheckout() {
        while (lentCount > 0) discard(lent[lentCount - 1]);
        if (lent.length > OpenStatements.KEPT_LENT) open.lent = new PreparedStatement[OpenStatements.KEPT_LENT];
        if (bound != null) {
            for (int i = 0; i < boundCount; i++) {
                PreparedStatement ps = bound[i];
                if (isClosed(ps)) continue;
                try {
                    ps.clearParameters();
                } catch (SQLException failed) {
                    open.remove(boundSlots[i], ps);
                    closeQuietly(ps);
                }
            }
            // emptied for the next checkout (no statement or SQL stays reachable through them); let go when a checkout grew them
            java.util.Arrays.fill(bound, 0, boundCount, null);
            java.util.Arrays.fill(boundSlots, 0, boundCount, null);
            if (bound.length > OpenStatements.KEPT_BOUND) {
                open.bound = null;
                open.boundSlots = null;
            }
            bound = null;
            boundSlots = null;
            boundCount = 0;
            lastBound = null;
            pruneBoundAt = 64;
        }
        if (outliveCheckout) return true;
        try {
            open.closeAll();
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    private static boolean isClosed(PreparedStatement ps) {
        try {
            return ps.isClosed();
        } catch (SQLException e) {
            return true;
        }
    }

    static void closeQuietly(PreparedStatement ps) {
        if (ps == null) return;
        try {
            ps.close();
        } catch (SQLException ignored) {
            // the original error is the one worth reporting
        }
    }
}
