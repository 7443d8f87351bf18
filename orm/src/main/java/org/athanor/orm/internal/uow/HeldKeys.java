package org.athanor.orm.internal.uow;

import org.athanor.orm.internal.mapping.Mapper;

/**
 * What the identity map holds of one hierarchy (the states whose key's base is {@link #base}): how many, how many of
 * them are not hashed into the table yet, how many ever entered, and the range of their single integral id values.
 * A load asks it whether a row's object can be held at all ({@link LoadedRows#appends}): when it cannot, the row's
 * object is new and is appended without a lookup. Every count is exact or errs towards "may be held": a state is
 * counted from the moment it enters the table, its appended log or a load's rows, until it leaves the table.
 */
final class HeldKeys {
    final Mapper base;
    /** States of the hierarchy in the table, in its appended log or in a load's rows without a state yet. */
    int count;
    /** Of {@link #count}, those not hashed into the table yet (appended, or a load's rows). */
    int unsettled;
    /**
     * Loaded states of the hierarchy appended and not hashed in yet, in append order: each entered when no state with
     * its key was held (hashed in before {@link #inserted}, whose states came later).
     */
    final StateLog log = new StateLog();
    /**
     * Inserted states of the hierarchy appended and not hashed in yet, in append order: each replaces a state held with
     * its key. Made at the first (a hierarchy a session only reads has none).
     */
    private StateLog inserted;

    /** {@link #inserted}, made when it was not. */
    StateLog inserted() {
        StateLog l = inserted;
        return l != null ? l : (inserted = new StateLog());
    }

    /** How many inserted states wait to be hashed in. */
    int insertedSize() { return inserted == null ? 0 : inserted.size(); }
    /** How many entered ever (never decreases): a load compares it to tell whether only its own rows came in since it began. */
    long added;
    /** The smallest and largest single integral id held, while {@link #ranged}. */
    private long lo = Long.MAX_VALUE, hi = Long.MIN_VALUE;
    /** False once an entered key was not a single integral value: then no key is known to be outside. */
    private boolean ranged = true;

    HeldKeys(Mapper base) { this.base = base; }

    /** A state of the hierarchy entered with (single) id value {@code id} ({@link StateTable#MANY} for a composite key). */
    void entered(Object id, boolean hashed) {
        count++;
        added++;
        if (!hashed) unsettled++;
        if (!ranged) return;
        long x;
        if (id instanceof Long l) x = l;
        else if (id instanceof Integer i) x = i;
        else {
            ranged = false;
            return;
        }
        if (x < lo) lo = x;
        if (x > hi) hi = x;
    }

    /** One state of the hierarchy left the table. */
    void left() {
        if (--count == 0) forget();
    }

    /** Whether no state with the single id value {@code id} can be held: it is outside the range of those held. */
    boolean outside(Object id) { return outside(id, ranged, lo, hi); }

    /** The smallest single integral id held ({@link Long#MAX_VALUE} when none), while {@link #ranged()}. */
    long lo() { return lo; }

    /** The largest single integral id held ({@link Long#MIN_VALUE} when none), while {@link #ranged()}. */
    long hi() { return hi; }

    /** Whether every id that entered was a single integral value: only then is an id known to be outside. */
    boolean ranged() { return ranged; }

    /** Whether single id value {@code id} is outside the range {@code [lo, hi]} (never, unless {@code ranged}). */
    static boolean outside(Object id, boolean ranged, long lo, long hi) {
        if (!ranged) return false;
        if (id instanceof Long l) return l < lo || l > hi;
        if (id instanceof Integer i) return i < lo || i > hi;
        return false;
    }

    /** Nothing is held any more (the table was cleared, or its last state left). */
    void forget() {
        log.clear();
        if (inserted != null) inserted.clear();
        count = 0;
        unsettled = 0;
        lo = Long.MAX_VALUE;
        hi = Long.MIN_VALUE;
        ranged = true;
    }
}
