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
    /** Appended states of the hierarchy not hashed in yet, in append order. */
    final StateLog log = new StateLog();
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
    boolean outside(Object id) {
        if (!ranged) return false;
        if (id instanceof Long l) return l < lo || l > hi;
        if (id instanceof Integer i) return i < lo || i > hi;
        return false;
    }

    /** Nothing is held any more (the table was cleared, or its last state left). */
    void forget() {
        log.clear();
        count = 0;
        unsettled = 0;
        lo = Long.MAX_VALUE;
        hi = Long.MIN_VALUE;
        ranged = true;
    }
}
