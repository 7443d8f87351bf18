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
    /**
     * Row {@code i}'s object and values at {@code chunks[i / CHUNK][2 * (i % CHUNK)]} and the slot after: fixed-size
     * chunks, so that a large load never copies what it kept (a doubling array allocates and copies twice its size).
     */
    private Object[][] chunks = new Object[4][];
    private static final int CHUNK = 256;
    /** Every row's class while all rows have one; {@link #mappers} holds each row's once they differ (a hierarchy). */
    private Mapper single;
    private Mapper[] mappers;
    private int count;
    /** The states of rows {@code [0, settled)}. */
    private InstanceState[] states;
    private int settled;
    /** The load read its last row: no row comes after the ones held. */
    private boolean ended;

    LoadedRows(AttachedObjects attached, long epoch) {
        this.attached = attached;
        this.epoch = epoch;
    }

    /** A row read: its new object {@code obj} of class {@code info}, with {@code snapshot} (no other holder) as its values. */
    void add(Mapper info, Object obj, Object[] snapshot) {
        int n = count, c = n / CHUNK, at = 2 * (n % CHUNK);
        if (at == 0) {
            if (c == chunks.length) chunks = Arrays.copyOf(chunks, 2 * c);
            chunks[c] = new Object[2 * CHUNK];
        }
        Object[] chunk = chunks[c];
        chunk[at] = obj;
        chunk[at + 1] = snapshot;
        if (n == 0) single = info;
        else if (mappers != null || info != single) mapper(n, info);
        count = n + 1;
    }

    /** Records row {@code n}'s class when the rows' classes differ (the rows before it are of {@link #single}). */
    private void mapper(int n, Mapper info) {
        if (mappers == null) {
            mappers = new Mapper[Math.max(16, 2 * n)];
            Arrays.fill(mappers, 0, n, single);
        } else if (n == mappers.length) mappers = Arrays.copyOf(mappers, 2 * n);
        mappers[n] = info;
    }

    /** The load read its last row (or failed). */
    void end() { ended = true; }

    /** Whether every row the load will have has its state: the identity map need not keep these rows. */
    boolean done() { return ended && settled == count; }

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
        if (states == null) states = new InstanceState[n];
        else if (states.length < n) states = Arrays.copyOf(states, Math.max(n, 2 * states.length));
        for (int i = settled; i < n; i++) {
            Object[] chunk = chunks[i / CHUNK];
            int at = 2 * (i % CHUNK);
            Object obj = chunk[at];
            InstanceState s = UnitOfWork.loadedState(mappers == null ? single : mappers[i], obj, (Object[]) chunk[at + 1], epoch);
            attached.attach(s, obj, false);
            states[i] = s;
            chunk[at] = null; // the state holds them now
            chunk[at + 1] = null;
        }
        settled = n;
        return states;
    }

    /** Every row's state, in row order; the caller settled them through the identity map first. */
    List<InstanceState> states() {
        if (settled != count) throw new IllegalStateException("internal: " + (count - settled) + " loaded rows have no state yet");
        return count == 0 ? List.of() : Arrays.asList(states).subList(0, count); // a view: no more rows come
    }
}
