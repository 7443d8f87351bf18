package org.athanor.orm.internal.uow;

import org.athanor.orm.internal.mapping.Mapper;

import java.util.Arrays;
import java.util.Comparator;

/**
 * The session's pending objects in insertion order: an array that states are appended to, each
 * remembering its position ({@link InstanceState#pendingPos}), so add and remove are O(1) and
 * allocate nothing per object. A removed entry leaves an empty slot; the slots are compacted when
 * the array is full and at least half of them are empty.
 */
public final class PendingList {
    /** Made at the first pending object (a session that adds nothing never makes it). */
    private InstanceState[] items = NONE;
    private static final InstanceState[] NONE = new InstanceState[0];
    /** Slots used, stale ones included. */
    private int end;
    private int live;
    /** The entity of every pending object, while they all share one (null when empty or mixed). */
    private Mapper only;
    private boolean mixed;

    public int size() { return live; }

    public boolean isEmpty() { return live == 0; }

    public boolean contains(InstanceState s) { return s.pendingPos >= 0; }

    /** Makes room for {@code n} more states (a large addAll), so the array is not regrown on the way. */
    public void expect(int n) {
        items = InstanceState.withRoom(items, end, n);
    }

    public void add(InstanceState s) {
        if (s.pendingPos >= 0) return;
        if (end == items.length) {
            if (end > 0 && live <= end / 2) compact();
            else items = Arrays.copyOf(items, Math.max(8, end * 2));
        }
        s.pendingPos = end;
        items[end++] = s;
        if (live++ == 0 && !mixed) only = s.info;
        else if (only != s.info) { only = null; mixed = true; }
    }

    public void remove(InstanceState s) {
        int p = s.pendingPos;
        if (p < 0) return;
        items[p] = null;
        s.pendingPos = -1;
        live--;
        if (live == 0) {
            end = 0;
            only = null;
            mixed = false;
        }
    }

    public void clear() {
        for (int i = 0; i < end; i++) if (items[i] != null) items[i].pendingPos = -1;
        if (items.length > 1024) items = NONE;
        else Arrays.fill(items, 0, end, null);
        end = live = 0;
        only = null;
        mixed = false;
    }

    private void compact() {
        int n = 0;
        for (int i = 0; i < end; i++) {
            InstanceState s = items[i];
            if (s == null) continue;
            s.pendingPos = n;
            items[n++] = s;
        }
        Arrays.fill(items, n, end, null);
        end = n;
    }

    /** The one entity of every pending object, or null when there are none or several entities. */
    public Mapper onlyEntity() { return mixed ? null : only; }

    /** The live states in order: a copy the caller may keep while the list changes. */
    public InstanceState[] toArray() {
        InstanceState[] out = new InstanceState[live];
        int n = 0;
        for (int i = 0; i < end; i++) if (items[i] != null) out[n++] = items[i];
        return out;
    }

    /** Reorders the live states by {@code order} (after a rollback put objects back out of order). */
    public void sort(Comparator<InstanceState> order) {
        compact();
        Arrays.sort(items, 0, end, order);
        for (int i = 0; i < end; i++) items[i].pendingPos = i;
    }
}
