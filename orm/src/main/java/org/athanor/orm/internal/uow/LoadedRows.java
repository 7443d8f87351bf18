package org.athanor.orm.internal.uow;

import java.util.Arrays;
import java.util.List;
import org.athanor.orm.internal.mapping.Mapper;

/**
 * The rows of one load that began with an empty identity map (so no row can meet an object the session
 * holds): each row's new object, its values (the object's snapshot) and its class, kept without an
 * {@link InstanceState}. A session that only reads and closes never needs the states: they are made
 * ({@link #settle}), in row order and dated with the epoch the rows were read in, the first time the
 * identity map or the attached objects are looked at (a flush, {@code get}, {@code contains}, a rollback,
 * a second query's autoflush). A load still reading adds rows after a settle (a {@code @PostLoad} callback
 * may look at the session); they are settled at the next look. Owned by the identity map ({@link StateTable}).
 */
public final class LoadedRows {
    private final AttachedObjects attached;
    /** The epoch the rows were read in: a row's state is as old as its read, however late the state is made. */
    private final long epoch;
    private Object[] objects = new Object[16];
    private Object[][] values = new Object[16][];
    /** Every row's class while all rows have one; {@link #mappers} holds each row's once they differ (a hierarchy). */
    private Mapper single;
    private Mapper[] mappers;
    private int count;
    /** The states of rows {@code [0, settled)}. */
    private InstanceState[] states;
    private int settled;

    LoadedRows(AttachedObjects attached, long epoch) {
        this.attached = attached;
        this.epoch = epoch;
    }

    /** A row read: its new object {@code obj} of class {@code info}, with {@code snapshot} (no other holder) as its values. */
    void add(Mapper info, Object obj, Object[] snapshot) {
        int n = count;
        if (n == objects.length) grow();
        objects[n] = obj;
        values[n] = snapshot;
        if (n == 0) single = info;
        else if (mappers != null) mappers[n] = info;
        else if (info != single) {
            mappers = new Mapper[objects.length];
            Arrays.fill(mappers, 0, n, single);
            mappers[n] = info;
        }
        count = n + 1;
    }

    private void grow() {
        int len = objects.length * 2;
        objects = Arrays.copyOf(objects, len);
        values = Arrays.copyOf(values, len);
        if (mappers != null) mappers = Arrays.copyOf(mappers, len);
    }

    /** How many rows have no state yet. */
    int unsettled() { return count - settled; }

    /** Index of the first row without a state (the caller puts the states {@link #settle} makes from there in the map). */
    int settled() { return settled; }

    /**
     * Makes the states of the rows that have none, attached to the session, and returns the array holding every
     * row's state (the new ones from the index {@link #settled()} gave before the call).
     */
    InstanceState[] settle() {
        int n = count;
        if (states == null || states.length < n) states = Arrays.copyOf(states == null ? new InstanceState[0] : states, objects.length);
        for (int i = settled; i < n; i++) {
            Mapper info = mappers == null ? single : mappers[i];
            InstanceState s = UnitOfWork.loadedState(info, objects[i], values[i], epoch);
            attached.attach(s, objects[i], false);
            states[i] = s;
            objects[i] = null; // the state holds them now
            values[i] = null;
        }
        settled = n;
        return states;
    }

    /** Every row's state, in row order; the caller settled them through the identity map first. */
    List<InstanceState> states() {
        if (settled != count) throw new IllegalStateException("internal: " + (count - settled) + " loaded rows have no state yet");
        return count == 0 ? List.of() : Arrays.asList(Arrays.copyOf(states, count));
    }
}
