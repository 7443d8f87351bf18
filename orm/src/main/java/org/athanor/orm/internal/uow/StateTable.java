package org.athanor.orm.internal.uow;

import org.athanor.orm.internal.mapping.IdKey;

import java.util.Arrays;
import java.util.function.Consumer;

/**
 * The identity map's table: persistent objects' states by primary key ({@link InstanceState#key}),
 * open addressing with linear probing, so that attaching a loaded row allocates nothing here (a
 * {@code HashMap} would add a node per row and rehash nodes as it grows).
 *
 * <p>States can also be {@linkplain #append appended}: a put deferred until the table is next read,
 * so a session that loads or inserts rows and closes never builds the table at all; and a load into the
 * empty table hands over its rows before their states exist ({@link #loading}), made when the table is next read.
 */
public final class StateTable {
    private InstanceState[] slots = new InstanceState[16];
    /**
     * Each slot's key hash, beside the slots: probing and growing compare and move hashes without reading the
     * states and their keys (two dependent loads per entry, most of them cache misses in a large table).
     */
    private int[] hashes = new int[16];
    private int size;
    /** Appended states not hashed in yet. */
    private InstanceState[] appended = NONE;
    private int appendedCount;

    /** The rows of a load into the empty table whose states are not made yet (see {@link LoadedRows}), or null. */
    private LoadedRows rows;

    private static final InstanceState[] NONE = new InstanceState[0];
    /** Whether a put ever replaced one state by another (a row whose key came back: the old state is orphaned). */
    private boolean replacedAny;

    /** Whether {@code s} is the state held for its key (settles appended states first). */
    public boolean holds(InstanceState s) { return s.key() != null && get(s.key()) == s; }

    /** True unless some state was replaced by another with an equal key: then every persistent state is in the table. */
    public boolean neverReplaced() { return !replacedAny; }

    /** How many states are held: appended ones are put in first, since one may replace another with an equal key. */
    public int size() {
        if (unsettled()) settle();
        return size;
    }

    public boolean isEmpty() { return size + appendedCount == 0 && unsettledRows() == 0; }

    /** How many loaded rows have no state yet (see {@link LoadedRows}). */
    public int unsettledRows() { return rows == null ? 0 : rows.unsettled(); }

    private boolean unsettled() { return appendedCount > 0 || rows != null && rows.unsettled() > 0; }

    /**
     * Takes the rows of a load that begins now, into this empty table: their states are made and put in
     * (before any appended state) when the table is next read.
     */
    void loading(LoadedRows r) {
        if (!isEmpty()) throw new IllegalStateException("internal: a load's rows are handed over to an identity map that is not empty");
        rows = r;
    }

    /** The load of {@code r} read its last row. */
    void loadEnded(LoadedRows r) {
        r.end();
        if (rows == r && r.done()) rows = null;
    }

    /** Makes and puts in the states of loaded rows and appended states not in the table yet. */
    public void settle() {
        if (rows != null && rows.unsettled() > 0) {
            int from = rows.settled();
            InstanceState[] made = rows.settle();
            int to = rows.settled();
            ensureCapacity(size + to - from);
            for (int k = from; k < to; k++) putNoGrow(made[k]);
            if (rows.done()) rows = null; // nothing more to settle: the table does not keep the states' array alive
        }
        if (appendedCount > 0) settleAppended();
    }

    /** {@link #put} deferred until the table is next read (appended states are put in order). */
    /** Makes room for {@code n} more appended states (a flush about to insert that many). */
    public void expectAppended(int n) {
        appended = InstanceState.withRoom(appended, appendedCount, n);
    }

    public void append(InstanceState s) {
        if (appendedCount == appended.length) appended = Arrays.copyOf(appended, Math.max(16, appendedCount * 2));
        appended[appendedCount++] = s;
    }

    /** Puts the appended states in. */
    private void settleAppended() {
        int n = appendedCount;
        appendedCount = 0;
        InstanceState[] a = appended;
        appended = NONE;
        ensureCapacity(size + n);
        for (int k = 0; k < n; k++) putNoGrow(a[k]);
    }

    private void ensureCapacity(int n) {
        int len = slots.length;
        while (n * 4 > len * 3) len <<= 1;
        if (len != slots.length) rehash(len);
    }


    /** The state whose key equals {@code key}, or null. */
    public InstanceState get(IdKey key) {
        if (unsettled()) settle();
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
        if (unsettled()) settle();
        if ((size + 1) * 4 > slots.length * 3) rehash(slots.length * 2);
        return putNoGrow(s);
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
        if (unsettled()) settle();
        InstanceState[] t = slots;
        int mask = t.length - 1;
        for (int i = home(s.key().hashCode(), mask); ; i = (i + 1) & mask) {
            InstanceState x = t[i];
            if (x == null) return false;
            if (x == s) {
                deleteAt(i);
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
        rows = null;
        if (appendedCount > 0) {
            if (appended.length > 1024) appended = NONE;
            else Arrays.fill(appended, 0, appendedCount, null);
            appendedCount = 0;
        }
        if (size == 0) return;
        if (slots.length > 1024) {
            slots = new InstanceState[16];
            hashes = new int[16];
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
