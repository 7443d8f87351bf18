package org.athanor.orm.internal.uow;

import org.athanor.orm.internal.mapping.IdKey;
import org.athanor.orm.internal.mapping.Mapper;

import java.util.Arrays;
import java.util.function.Consumer;

/**
 * The identity map's table: persistent objects' states by primary key ({@link InstanceState#key}),
 * open addressing with linear probing, so that attaching a loaded row allocates nothing here (a
 * {@code HashMap} would add a node per row and rehash nodes as it grows).
 *
 * <p>States can also be {@linkplain #append appended}: a put deferred until the table is next read, so a session
 * that loads or inserts rows and closes never builds the table at all; and a load's rows can enter before their
 * states exist ({@link LoadedRows}), made when the session's objects are next looked at. What the table holds of
 * each hierarchy is counted ({@link HeldKeys}): a lookup of a hierarchy it holds nothing of answers at once, and a
 * load appends the rows the table cannot hold without looking them up.
 */
public final class StateTable {
    private InstanceState[] slots = NO_SLOTS;
    /**
     * Each slot's key hash, beside the slots: probing and growing compare and move hashes without reading the
     * states and their keys (two dependent loads per entry, most of them cache misses in a large table).
     */
    private int[] hashes = NO_HASHES;
    /** No table yet: made at the first state put in (a session that only loads a few rows and closes never makes it). */
    private static final InstanceState[] NO_SLOTS = new InstanceState[0];
    private static final int[] NO_HASHES = new int[0];
    private int size;
    /** Appended states not hashed in yet, over every hierarchy's log ({@link HeldKeys#log}). */
    private int appendedCount;
    /** Room a flush asked for in the next log that grows ({@link #expectAppended}). */
    private int expected;
    /** Whether an appended state may replace a held one (an inserted row's key reused); a load appends only new keys. */
    private boolean appendedMayReplace;

    /** The loads with rows whose states are not made yet (see {@link LoadedRows}). */
    private LoadedRows[] loads = NO_LOADS;
    private int loadCount;
    /** What is held of each hierarchy, by base mapper (a session touches a few: a linear scan). */
    private HeldKeys[] held = NO_HELD;
    private static final HeldKeys[] NO_HELD = new HeldKeys[0];
    private int heldCount;

    private static final LoadedRows[] NO_LOADS = new LoadedRows[0];
    /** The id value of a composite key for {@link HeldKeys#entered}: not in any range. */
    static final Object MANY = new Object();
    /** Whether a put ever replaced one state by another (a row whose key came back: the old state is orphaned). */
    private boolean replacedAny;

    /** Whether {@code s} is the state held for its key (settles appended states first). */
    public boolean holds(InstanceState s) { return s.key() != null && get(s.key()) == s; }

    /** True unless some state was replaced by another with an equal key: then every persistent state is in the table. */
    public boolean neverReplaced() {
        if (appendedMayReplace) settle();
        return !replacedAny;
    }

    /** How many states are held: appended ones are put in first, since one may replace another with an equal key. */
    public int size() {
        if (unsettled()) settle();
        return size;
    }

    public boolean isEmpty() { return size + appendedCount == 0 && unsettledRows() == 0; }

    /** How many loaded rows have no state yet (see {@link LoadedRows}). */
    public int unsettledRows() {
        int n = 0;
        for (int i = 0; i < loadCount; i++) n += loads[i].unsettled();
        return n;
    }

    private boolean unsettled() { return appendedCount > 0 || loadCount > 0; }

    /** What is held of {@code base}'s hierarchy (counted from now on when nothing was). */
    HeldKeys held(Mapper base) {
        HeldKeys h = find(base);
        if (h != null) return h;
        if (heldCount == held.length) held = Arrays.copyOf(held, Math.max(4, 2 * heldCount));
        return held[heldCount++] = new HeldKeys(base);
    }

    private HeldKeys find(Mapper base) {
        HeldKeys[] hs = held;
        for (int i = 0, n = heldCount; i < n; i++) if (hs[i].base == base) return hs[i];
        return null;
    }

    /** The single id value of {@code values} (attribute order of {@code info}), or {@link #MANY}. */
    static Object firstId(Mapper info, Object[] values) { return info.idIdx.length == 1 ? values[info.idIdx[0]] : MANY; }

    private static Object firstId(InstanceState s) {
        if (!s.keyMade()) return firstId(s.info, s.snapshot);
        return s.key().size() == 1 ? s.key().value(0) : MANY;
    }

    /** A row of load {@code r} kept without a state (with single id value {@code id}): made when the session is next looked at. */
    void rowEntered(LoadedRows r, Object id) {
        r.entered(id, false);
        if (!r.registered) {
            r.registered = true;
            if (loadCount == loads.length) loads = Arrays.copyOf(loads, Math.max(4, 2 * loadCount));
            loads[loadCount++] = r;
        }
    }

    /** The load of {@code r} read its last row: the table lets go of it once its rows have their states. */
    void loadEnded(LoadedRows r) {
        r.end();
        if (r.registered && r.done()) unregister(r);
    }

    private void unregister(LoadedRows r) {
        for (int i = 0; i < loadCount; i++)
            if (loads[i] == r) {
                System.arraycopy(loads, i + 1, loads, i, loadCount - i - 1);
                loads[--loadCount] = null;
                r.registered = false;
                return;
            }
    }

    /** Makes the states of the loads' rows that have none: attached, and appended (hashed when the table is next read). */
    public void settleRows() { settleRows(null); }

    /** {@link #settleRows()} of the loads of hierarchy {@code h} (null: all). */
    private void settleRows(HeldKeys h) {
        for (int i = 0; i < loadCount; i++) if (h == null || loads[i].held == h) loads[i].settle(this);
        for (int i = loadCount - 1; i >= 0; i--) if (loads[i].done()) unregister(loads[i]);
    }

    /**
     * The state of {@code obj} when it is the object of a loaded row without a state yet: made now, alone (see
     * {@link LoadedRows#settleObject}); null when no load holds such a row of it.
     */
    public InstanceState settleObject(Object obj) {
        InstanceState found = null;
        for (int i = 0; i < loadCount && found == null; i++) found = loads[i].settleObject(this, obj);
        if (found != null) for (int i = loadCount - 1; i >= 0; i--) if (loads[i].done()) unregister(loads[i]);
        return found;
    }

    /**
     * {@link LoadedRows#checkRows} over every load with rows still without states: the rows {@code check} wants states
     * for get them (each then given to {@code then}); the others stay as they are.
     */
    public void checkRows(LoadedRows.RowCheck check, Consumer<InstanceState> then) {
        for (int i = 0; i < loadCount; i++) loads[i].checkRows(this, check, then);
        for (int i = loadCount - 1; i >= 0; i--) if (loads[i].done()) unregister(loads[i]);
    }

    /** Makes and puts in the states of loaded rows and appended states not in the table yet. */
    public void settle() {
        if (loadCount > 0) settleRows(null);
        if (appendedCount > 0) for (int i = 0; i < heldCount; i++) hashLog(held[i]);
    }

    /**
     * {@link #settle} of one hierarchy, before a lookup or put of its keys: the others' appended states stay in their
     * logs (a load of posts whose rows look up their users does not hash the posts).
     */
    private void settle(HeldKeys h) {
        if (loadCount > 0) settleRows(h);
        hashLog(h);
    }

    /** Makes room for {@code n} more appended states (a flush about to insert that many). */
    public void expectAppended(int n) { expected = n; }

    /** {@link #put} deferred until the table is next read (appended states are put in order): an inserted row's state. */
    public void append(InstanceState s) {
        appendedMayReplace = true;
        HeldKeys h = held(s.info.base());
        h.entered(firstId(s), false);
        log(h.inserted(), s);
    }

    /** A loaded row's state, appended by load {@code r} without a lookup ({@link LoadedRows#appends}). */
    void appendLoaded(LoadedRows r, InstanceState s, Object id) {
        r.entered(id, false);
        log(r.held.log, s);
    }

    /** A state {@link LoadedRows#settle} made for a row of hierarchy {@code h}, counted when it entered. */
    void appendSettled(HeldKeys h, InstanceState s) { log(h.log, s); }

    private void log(StateLog log, InstanceState s) {
        if (expected > 0) {
            log.expect(expected);
            expected = 0;
        }
        log.add(s);
        appendedCount++;
    }

    /**
     * Puts hierarchy {@code h}'s appended states in, the table sized once for all of them: the loaded ones first, then
     * the inserted ones, each replacing a state held with its key. A loaded row entered only because no state with its
     * key was held, so an inserted state with its key came later (a row deleted behind the session's back, its key
     * taken over by a new object), and is the one held, however late the row's state was made (a state is made when
     * first needed, possibly after the insert: see {@link LoadedRows}).
     */
    private void hashLog(HeldKeys h) {
        int n = h.log.size() + h.insertedSize();
        if (n == 0) return;
        appendedCount -= n;
        if (appendedCount == 0) appendedMayReplace = false;
        ensureCapacity(size + n);
        hashLog(h, h.log);
        if (h.insertedSize() > 0) hashLog(h, h.inserted());
    }

    private void hashLog(HeldKeys h, StateLog log) {
        for (int c = 0, chunks = log.chunks(); c < chunks; c++) {
            InstanceState[] chunk = log.chunk(c);
            for (int k = 0, used = log.used(c); k < used; k++) {
                h.unsettled--;
                if (putNoGrow(chunk[k]) != null) h.count--; // it replaced a state counted already (or was in already)
            }
        }
        log.clear();
    }

    private void ensureCapacity(int n) {
        int len = Math.max(16, slots.length);
        while (n * 4 > len * 3) len <<= 1;
        if (len != slots.length) rehash(len);
    }


    /** The state whose key equals {@code key}, or null. */
    public InstanceState get(IdKey key) {
        HeldKeys of = find(key.base);
        if (of == null || of.count == 0) return null; // nothing of its hierarchy is held: no probe
        if (of.unsettled > 0) settle(of);
        if (size == 0) return null;
        InstanceState[] t = slots;
        int[] hs = hashes;
        int mask = t.length - 1;
        int h = key.hashCode();
        for (int i = home(h, mask); ; i = (i + 1) & mask) {
            InstanceState s = t[i];
            if (s == null) return null;
            if (hs[i] == h && s.key().equals(key)) return s;
        }
    }

    /** Puts {@code s} under its key, replacing the state held for that key; returns the replaced one or null. */
    public InstanceState put(InstanceState s) {
        HeldKeys h = held(s.key().base);
        if (h.unsettled > 0) settle(h); // an appended state of the hierarchy may have the same key: it goes in first
        if ((size + 1) * 4 > slots.length * 3) rehash(Math.max(16, slots.length * 2));
        InstanceState replaced = putNoGrow(s);
        if (replaced == null) h.entered(firstId(s), true);
        return replaced;
    }

    private InstanceState putNoGrow(InstanceState s) {
        InstanceState[] t = slots;
        int mask = t.length - 1;
        int h = s.key().hashCode();
        for (int i = home(h, mask); ; i = (i + 1) & mask) {
            InstanceState x = t[i];
            if (x == null) {
                t[i] = s;
                hashes[i] = h;
                size++;
                return null;
            }
            if (hashes[i] == h && x.key().equals(s.key())) {
                t[i] = s;
                if (x != s) replacedAny = true;
                return x;
            }
        }
    }

    /** Removes {@code s} if it is the state held for its key (not merely one with an equal key). */
    public boolean remove(InstanceState s) {
        if (s.key() == null) return false;
        HeldKeys h = find(s.key().base);
        if (h == null || h.count == 0) return false;
        if (h.unsettled > 0) settle(h);
        if (size == 0) return false;
        InstanceState[] t = slots;
        int mask = t.length - 1;
        for (int i = home(s.key().hashCode(), mask); ; i = (i + 1) & mask) {
            InstanceState x = t[i];
            if (x == null) return false;
            if (x == s) {
                deleteAt(i);
                h.left();
                return true;
            }
        }
    }

    /** Removes whatever state is held for {@code key}. */
    public InstanceState removeKey(IdKey key) {
        InstanceState s = get(key);
        if (s != null) remove(s);
        return s;
    }

    /** Backward-shift deletion: later entries of the probe run move up so lookups never meet a hole. */
    private void deleteAt(int i) {
        InstanceState[] t = slots;
        int[] hs = hashes;
        int mask = t.length - 1;
        size--;
        for (int j = (i + 1) & mask; ; j = (j + 1) & mask) {
            InstanceState x = t[j];
            if (x == null) break;
            int home = home(hs[j], mask);
            // move x into the hole at i when its home is not in the cyclic range (i, j]
            if (((j - home) & mask) >= ((j - i) & mask)) {
                t[i] = x;
                hs[i] = hs[j];
                i = j;
            }
        }
        t[i] = null;
    }

    private void rehash(int len) {
        InstanceState[] old = slots;
        int[] oldHashes = hashes;
        InstanceState[] t = new InstanceState[len];
        int[] hs = new int[len];
        int mask = t.length - 1;
        for (int k = 0; k < old.length; k++) {
            InstanceState s = old[k];
            if (s == null) continue;
            int h = oldHashes[k];
            int i = home(h, mask);
            while (t[i] != null) i = (i + 1) & mask;
            t[i] = s;
            hs[i] = h;
        }
        slots = t;
        hashes = hs;
    }

    /** A key's first slot: the hash mixed, so that keys with regular hashes (1, 2, 3, ...) do not form long runs. */
    private static int home(int hash, int mask) {
        int h = hash * 0x9E3779B9;
        return (h ^ (h >>> 16)) & mask;
    }

    public void clear() {
        for (int i = 0; i < loadCount; i++) loads[i].registered = false;
        if (loadCount > 0) Arrays.fill(loads, 0, loadCount, null);
        loadCount = 0;
        for (int i = 0; i < heldCount; i++) held[i].forget();
        appendedMayReplace = false;
        appendedCount = 0;
        if (size == 0) return;
        if (slots.length > 1024) {
            slots = NO_SLOTS;
            hashes = NO_HASHES;
        } else Arrays.fill(slots, null);
        size = 0;
    }

    /** The states, in table order: a copy, so the caller may change the table while going through it. */
    public InstanceState[] toArray() {
        if (unsettled()) settle();
        InstanceState[] out = new InstanceState[size];
        int n = 0;
        for (InstanceState s : slots) if (s != null) out[n++] = s;
        return out;
    }

    public void forEach(Consumer<InstanceState> action) {
        if (unsettled()) settle();
        for (InstanceState s : slots) if (s != null) action.accept(s);
    }
}
