package org.athanor.orm.internal.uow;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.athanor.orm.internal.mapping.Mapper;

/**
 * One load's rows, on their way into the identity map: every entity load (a query's, a relationship's, a refresh's, a
 * joined node's) reads each row into its values and asks {@link #appends} whether the session can hold the row's
 * object at all. When it cannot (nothing of the row's hierarchy is held, or only this load's own rows of a statement
 * that gives each key once, or the row's single integral id is outside the range of those held: {@link HeldKeys}), the
 * row's object is new and enters the identity map without a lookup: appended, hashed when the table is next read;
 * otherwise it is looked up. One route, one branch.
 *
 * <p>A load whose rows need no state as they are read ({@link #DEFER}: no references to bind, no collections to
 * install, no caller wanting the states) keeps an appended row as its new object, its values (the object's snapshot)
 * and its class, without an {@link InstanceState}: a session that only reads and closes never needs the states. They
 * are made ({@link #settle}), in row order and dated with the epoch the rows were read in, the first time the session's
 * attached objects or identity map are walked or looked up by key (a {@code get}, a rollback, {@code getAll}); a flush
 * makes those of the changed rows only ({@link #checkRows}), and a question about one object ({@code add},
 * {@code contains}) that of its row only ({@link #settleObject}). A load still reading adds rows after a settle (a
 * {@code @PostLoad} callback may look at the session); they are settled at the next look. Registered with the identity
 * map ({@link StateTable}) at its first such row.
 */
public final class LoadedRows {
    /** The statement gives each key at most once: the load's own rows cannot meet each other. */
    public static final int DISTINCT = 1;
    /** The rows' states may be made when first needed (see the class comment). */
    public static final int DEFER = 2;
    /** The caller wants every row's state, in row order ({@link #states}). */
    public static final int KEEP_STATES = 4;
    /** Re-read the held objects the rows meet, discarding their unflushed changes (a refresh), instead of only expired ones. */
    public static final int REFRESH = 8;
    /**
     * With {@link #KEEP_STATES}, for a load whose rows have no collections to install: a new row whose references are
     * all bound as it is read needs nothing more after it, so it is kept without a state as with {@link #DEFER}; the
     * states kept for {@link #takeStates} are only those whose references are still to be resolved
     * ({@link InstanceState#refsPending}).
     */
    public static final int DEFER_BOUND = 16;

    private final AttachedObjects attached;
    /** The epoch the rows were read in: a row's state is as old as its read, however late the state is made. */
    private final long epoch;
    /** What the identity map holds of the load's hierarchy. */
    final HeldKeys held;
    private final int flags;
    /** {@code held.added} while every entry of the hierarchy since the load began was one of its rows ({@link #DISTINCT}); else -1. */
    private long own;
    /**
     * What was held of the hierarchy when the load began: a row of a {@link #DISTINCT} load cannot meet another of its
     * rows, so while only its own rows entered since ({@link #own}), a row meets a held object only if one was held
     * then with its id: none when {@link #heldBefore} was 0, none outside the range {@code [loBefore, hiBefore]}.
     */
    private final int heldBefore;
    private final long loBefore, hiBefore;
    private final boolean rangedBefore;
    private List<InstanceState> states;
    private InstanceState last;
    /** Registered with the table (it has rows without states). */
    boolean registered;

    /**
     * Row {@code i}'s object and values at {@code chunks[i / CHUNK][2 * (i % CHUNK)]} and the slot after: fixed-size
     * chunks, so that a large load never copies what it kept (a doubling array allocates and copies twice its size);
     * only the first chunk grows, so that a load of a few rows does not take a whole chunk.
     */
    private Object[][] chunks;
    private static final int CHUNK = 256;
    /** The first chunk's first length (8 rows) when the load's row count is not bounded; it doubles until it holds {@link #CHUNK} rows. */
    private static final int FIRST = 16;
    /**
     * The first chunk's first length: two slots per row for a load known to give at most so many rows (a LIMIT, up to
     * a chunk), so that a page of rows is kept without growing the chunk; {@link #FIRST} otherwise.
     */
    private final int first;
    /** Every row's class while all rows have one; {@link #mappers} holds each row's once they differ (a hierarchy). */
    private Mapper single;
    private Mapper[] mappers;
    private int count;
    /** Rows {@code [0, settled)} have their states. */
    private int settled;
    /** The load read its last row: no row comes after the ones held. */
    private boolean ended;

    /** {@code rows}: at most how many rows the load gives (its statement's LIMIT), 0 when not known. */
    LoadedRows(AttachedObjects attached, long epoch, HeldKeys held, int flags, int rows) {
        if (rows < 0) throw new IllegalArgumentException("internal: a load's row bound is not negative, got " + rows);
        this.first = rows == 0 ? FIRST : 2 * Math.min(rows, CHUNK);
        this.attached = attached;
        this.epoch = epoch;
        this.held = held;
        this.flags = flags;
        this.own = (flags & DISTINCT) != 0 ? held.added : -1;
        this.heldBefore = held.count;
        this.loBefore = held.lo();
        this.hiBefore = held.hi();
        this.rangedBefore = held.ranged();
        if ((flags & KEEP_STATES) != 0) states = new ArrayList<>();
    }

    /**
     * Whether the row of class {@code info} with values {@code v} (its id not null) cannot meet an object the session
     * holds: then its object is new, and is appended without an identity-map lookup.
     */
    public boolean appends(Mapper info, Object[] v) {
        HeldKeys h = held;
        if (h.count == 0) return true;
        boolean single = info.idIdx.length == 1;
        if (own == h.added) // only this load's rows entered since it began: only what was held before can be met
            return heldBefore == 0 || single && HeldKeys.outside(v[info.idIdx[0]], rangedBefore, loBefore, hiBefore);
        return single && h.outside(v[info.idIdx[0]]);
    }

    /**
     * How a load of {@code m}'s rows keeps their states for their relationships: every row's when some class of the
     * rows has collections to install; else only those whose references are left to resolve after the rows (most are
     * bound as their rows are read: those keep none, made when first needed); none when no class of the rows has any
     * relationship.
     */
    public static int rowStates(Mapper m) {
        return !m.rowsLoadRelated() ? DEFER : m.rowsHaveCollections() ? KEEP_STATES : KEEP_STATES | DEFER_BOUND;
    }

    /** Whether a row's state may be made when first needed ({@link #DEFER}). */
    public boolean defers() { return (flags & DEFER) != 0; }

    /** Whether a new row whose references all bind at the row is kept without a state ({@link #DEFER_BOUND}). */
    public boolean defersBound() { return (flags & DEFER_BOUND) != 0; }

    /** Whether held objects are re-read discarding their changes ({@link #REFRESH}). */
    public boolean refresh() { return (flags & REFRESH) != 0; }

    /** Notes a row's state (its references bound): the {@link #last} one, and one of {@link #takeStates} when the caller asked for them. */
    public void row(InstanceState st) {
        last = st;
        if (states != null && ((flags & DEFER_BOUND) == 0 || st.refsPending)) states.add(st);
    }

    /** The state of the last row given one ({@link #row}). */
    public InstanceState last() { return last; }

    /** The rows' states, in row order, since the last call (a streamed load takes them a chunk at a time). */
    public List<InstanceState> takeStates() {
        List<InstanceState> out = states;
        states = new ArrayList<>();
        return out;
    }

    /** An appended row of the hierarchy entered the identity map (with single id value {@code id}). */
    void entered(Object id, boolean hashed) {
        boolean mine = own == held.added;
        held.entered(id, hashed);
        if (mine) own = held.added;
    }

    /** A row kept without a state: its new object {@code obj} of class {@code info}, with {@code snapshot} (no other holder) as its values. */
    void add(Mapper info, Object obj, Object[] snapshot) {
        int n = count, c = n / CHUNK, at = 2 * (n % CHUNK);
        Object[] chunk;
        if (c == 0) {   // the first chunk starts small (most loads are a few rows) and doubles up to its full size
            if (chunks == null) {
                chunks = new Object[4][];
                chunks[0] = new Object[first];
            }
            chunk = chunks[0];
            if (at == chunk.length) chunks[0] = chunk = Arrays.copyOf(chunk, Math.min(2 * at, 2 * CHUNK));
        } else {
            if (at == 0) {
                if (c == chunks.length) chunks = Arrays.copyOf(chunks, 2 * c);
                chunks[c] = new Object[2 * CHUNK];
            }
            chunk = chunks[c];
        }
        chunk[at] = obj;
        chunk[at + 1] = snapshot;
        if (n == 0) single = info;
        else if (mappers != null || info != single) mapper(n, info);
        count = n + 1;
    }

    /** The first chunk's length now (for tests; 0 before the first row kept without a state). */
    int firstChunkLength() { return chunks == null ? 0 : chunks[0].length; }

    /** Records row {@code n}'s class when the rows' classes differ (the rows before it are of {@link #single}). */
    private void mapper(int n, Mapper info) {
        if (mappers == null) {
            mappers = new Mapper[Math.max(16, 2 * n)];
            Arrays.fill(mappers, 0, n, single);
        } else if (n == mappers.length) mappers = Arrays.copyOf(mappers, 2 * n);
        mappers[n] = info;
    }

    /**
     * The rows by object identity, for {@link #settleObject}: open addressing on the objects' identity hashes, each
     * slot a row's position plus one (0: empty), made when the session is first asked about an object and extended to
     * the rows read since at each ask. A row given its state since stays in it, its object slot empty (never matched).
     */
    private int[] byObject;
    /** Rows {@code [0, indexed)} are in {@link #byObject}. */
    private int indexed;

    /**
     * The state of row object {@code obj} when it is one of this load's rows without a state yet: made now (attached,
     * appended to {@code table}'s log) and returned; null when {@code obj} is no such row. The other rows stay without
     * states: asking whether an object is in the session does not make a state per loaded row.
     */
    InstanceState settleObject(StateTable table, Object obj) {
        int[] t = indexRows();
        int mask = t.length - 1;
        for (int i = home(System.identityHashCode(obj), mask); ; i = (i + 1) & mask) {
            int r = t[i] - 1;
            if (r < 0) return null;
            Object[] chunk = chunks[r / CHUNK];
            int at = 2 * (r % CHUNK);
            if (chunk[at] == obj) {
                early++;
                return settleRow(table, r, chunk, at);
            }
        }
    }

    /** {@link #byObject} holding every row read so far; grown (and made again) to stay at most three quarters full. */
    private int[] indexRows() {
        int n = count;
        int[] t = byObject;
        int from = indexed;
        if (t == null || 4 * n > 3 * t.length) {
            int len = 8;
            while (4 * n > 3 * len) len <<= 1;
            byObject = t = new int[len];
            from = 0;
        }
        int mask = t.length - 1;
        for (int r = from; r < n; r++) {
            Object obj = chunks[r / CHUNK][2 * (r % CHUNK)];
            if (obj == null) continue; // given its state already: found in the session's attached objects
            int i = home(System.identityHashCode(obj), mask);
            while (t[i] != 0) i = (i + 1) & mask;
            t[i] = r + 1;
        }
        indexed = n;
        return t;
    }

    private static int home(int hash, int mask) { return (hash ^ (hash >>> 16)) & mask; }

    /** The load read its last row (or failed). */
    void end() { ended = true; }

    /** Whether every row the load will have has its state: the identity map need not keep this load. */
    boolean done() { return ended && unsettled() == 0; }

    /** How many rows have no state yet. */
    int unsettled() { return count - settled - early; }

    /**
     * Rows after {@link #settled} given their state alone ({@link #checkRows}); their slots are empty. The states of
     * the rows before {@link #settled} are all made.
     */
    private int early;

    /** Makes the states of the rows that have none, attached to the session, and appends them to {@code table}'s log. */
    void settle(StateTable table) {
        int n = count;
        for (int i = settled; i < n; i++) {
            Object[] chunk = chunks[i / CHUNK];
            int at = 2 * (i % CHUNK);
            if (chunk[at + 1] == null) continue; // given its state by checkRows already
            settleRow(table, i, chunk, at);
        }
        settled = n;
        early = 0;
    }

    private InstanceState settleRow(StateTable table, int i, Object[] chunk, int at) {
        Object obj = chunk[at];
        InstanceState s = UnitOfWork.loadedState(mappers == null ? single : mappers[i], obj, (Object[]) chunk[at + 1], epoch);
        s.refsPending = false; // a row kept without a state has no references, or had them all bound at its row
        attached.attach(s, obj, false);
        table.appendSettled(held, s);
        chunk[at] = null; // the state holds them now
        chunk[at + 1] = null;
        return s;
    }

    /**
     * The flush's dirty check over the rows that have no state, without making theirs: each row's class, object and
     * values (its snapshot) go to {@code check}; a row it answers true for (its object differs from its snapshot, or
     * its class needs the state's own check) is given its state now, out of row order, and the state goes to
     * {@code then}. A session that loads, changes a few objects and commits makes states for those few only.
     */
    void checkRows(StateTable table, RowCheck check, java.util.function.Consumer<InstanceState> then) {
        for (int i = settled, n = count; i < n; i++) {
            Object[] chunk = chunks[i / CHUNK];
            int at = 2 * (i % CHUNK);
            Object[] snapshot = (Object[]) chunk[at + 1];
            if (snapshot == null) continue;
            if (check.needsState(mappers == null ? single : mappers[i], chunk[at], snapshot)) {
                early++;
                then.accept(settleRow(table, i, chunk, at));
            }
        }
    }

    /** What {@link #checkRows} asks of each row without a state. */
    public interface RowCheck {
        /** Whether the row of class {@code info}, object {@code obj}, loaded with {@code snapshot}, needs its state now. */
        boolean needsState(Mapper info, Object obj, Object[] snapshot);
    }
}
