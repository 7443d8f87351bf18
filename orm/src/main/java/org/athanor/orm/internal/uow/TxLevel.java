package org.athanor.orm.internal.uow;

import org.athanor.orm.internal.mapping.Mapper;
import org.athanor.orm.internal.mapping.IdKey;

import java.util.Arrays;
import org.athanor.core.engine.NestedTransaction;

/**
 * One level of a session transaction (the outer transaction, or a savepoint): the objects this
 * level's flushes changed, each with what the session knew about it before (a {@link Memento}),
 * so that a rollback can put the session back in step with the database.
 *
 * <p>Objects read in the level are not listed: each load stamps {@link InstanceState#loadedEpoch}
 * with the session's epoch, which moves on whenever a level begins, so "read in this level or a
 * later one" is {@code loadedEpoch >= startEpoch}.
 */
public final class TxLevel {
    /**
     * What an object's state was before a level first changed it. An object's mementos form a chain,
     * innermost level first ({@link InstanceState#memento}, then {@link #prev}).
     */
    public static final class Memento {
        public TxLevel level;
        public final Memento prev;
        /**
         * One memento shared by the objects of one entity this level inserted with a generated id and
         * nothing else written (no version): each was pending with its id unset, and the only value
         * the session wrote is the id, which the object's key holds. Records nothing per object.
         */
        public final boolean sharedInsert;
        public final InstanceState.Status status;
        public final Object[] snapshot;
        public final IdKey key;
        public final long loadedEpoch;
        /** Attributes the session itself set (ids, versions): index, value before, value written; inline for the usual one. */
        private int firstIndex = -1;
        private Object firstBefore, firstAfter;
        private int[] moreIndex;
        private Object[] moreBefore, moreAfter;
        private int moreCount;

        public Memento(InstanceState s, TxLevel level, Memento prev) {
            this.level = level;
            this.prev = prev;
            this.sharedInsert = false;
            status = s.status;
            snapshot = s.snapshot;
            key = s.key();
            loadedEpoch = s.loadedEpoch;
        }

        private Memento(TxLevel level) {
            this.level = level;
            this.prev = null;
            this.sharedInsert = true;
            status = InstanceState.Status.PENDING;
            snapshot = null;
            key = null;
            loadedEpoch = 0;
        }

        /** Records that the session set attribute {@code i} to {@code after}; the first record of an attribute keeps its before value. */
        public void wrote(int i, Object before, Object after) {
            if (sharedInsert) throw new IllegalStateException("a shared insert memento records no values");
            if (firstIndex == i) { firstAfter = after; return; }
            if (firstIndex < 0) {
                firstIndex = i;
                firstBefore = before;
                firstAfter = after;
                return;
            }
            for (int k = 0; k < moreCount; k++) if (moreIndex[k] == i) { moreAfter[k] = after; return; }
            if (moreIndex == null) {
                moreIndex = new int[2];
                moreBefore = new Object[2];
                moreAfter = new Object[2];
            } else if (moreCount == moreIndex.length) {
                moreIndex = Arrays.copyOf(moreIndex, moreCount * 2);
                moreBefore = Arrays.copyOf(moreBefore, moreCount * 2);
                moreAfter = Arrays.copyOf(moreAfter, moreCount * 2);
            }
            moreIndex[moreCount] = i;
            moreBefore[moreCount] = before;
            moreAfter[moreCount] = after;
            moreCount++;
        }

        public interface WrittenVisitor { void visit(int index, Object before, Object after); }

        public void forEachWritten(WrittenVisitor v) {
            if (firstIndex < 0) return;
            v.visit(firstIndex, firstBefore, firstAfter);
            for (int k = 0; k < moreCount; k++) v.visit(moreIndex[k], moreBefore[k], moreAfter[k]);
        }
    }

    public final NestedTransaction savepoint;
    /** The session epoch when this level began: objects read since have {@code loadedEpoch >= startEpoch}. */
    public final long startEpoch;
    private InstanceState[] touched = NONE;
    private int touchedCount;

    private static final InstanceState[] NONE = new InstanceState[0];

    public TxLevel(NestedTransaction savepoint, long startEpoch) {
        this.savepoint = savepoint;
        this.startEpoch = startEpoch;
    }

    /** The shared insert mementos of entities after the first ({@link #firstShared}'s), made when a level inserts several. */
    private java.util.Map<Mapper, Memento> sharedInserts;

    /**
     * Touches a pending object about to be inserted with a generated id, when nothing but that id
     * will be written (see {@link Memento#sharedInsert}): no memento is made per object. Falls back
     * to {@link #touch} when the object already has a memento.
     */
    public Memento touchInsertedWithGeneratedId(InstanceState s) {
        if (live(s) != null) return touch(s);
        Memento m = sharedInsertMemento(s.info);
        s.memento = m;
        append(s);
        return m;
    }

    /**
     * This level's shared insert memento for {@code info} (never re-parented: each level has its own): the first
     * entity's in two fields (a level usually inserts one entity's objects), the others' in a map.
     */
    private Memento sharedInsertMemento(Mapper info) {
        if (info == firstSharedInfo) return firstShared;
        if (firstSharedInfo == null) {
            firstSharedInfo = info;
            return firstShared = new Memento(this);
        }
        if (sharedInserts == null) sharedInserts = new java.util.HashMap<>(4);
        return sharedInserts.computeIfAbsent(info, k -> new Memento(this));
    }

    private Mapper firstSharedInfo;
    private Memento firstShared;

    /** The memento of {@code s} for this level, made (with what {@code s} is now) the first time. */
    public Memento touch(InstanceState s) {
        Memento m = live(s);
        if (m != null && m.level == this) return m;
        m = new Memento(s, this, m);
        s.memento = m;
        append(s);
        return m;
    }

    /** Makes room for {@code n} more touched objects (a flush about to insert that many). */
    public void expectTouched(int n) {
        touched = InstanceState.withRoom(touched, touchedCount, n);
    }

    private void append(InstanceState s) {
        if (touchedCount == touched.length) touched = Arrays.copyOf(touched, Math.max(8, touchedCount * 2));
        touched[touchedCount++] = s;
    }

    /** The objects this level changed, in the order first changed. */
    public InstanceState[] touched() { return Arrays.copyOf(touched, touchedCount); }

    public boolean touchedNothing() { return touchedCount == 0; }

    /**
     * Folds a released savepoint's records into this (outer) level: an object both levels changed
     * keeps this level's memento (its state before either), with the values the inner level wrote.
     */
    public void absorb(TxLevel inner) {
        for (int k = 0; k < inner.touchedCount; k++) {
            InstanceState s = inner.touched[k];
            Memento m = s.memento;
            if (m == null || m.level != inner) continue; // already popped (the object left the session)
            if (m.sharedInsert) { // inserted in the inner level: inserted in this one now
                s.memento = sharedInsertMemento(s.info);
                append(s);
                continue;
            }
            if (m.prev != null && m.prev.level == this) {
                Memento mine = m.prev;
                m.forEachWritten((i, before, after) -> mine.wrote(i, before, after));
                s.memento = mine;
            } else {
                m.level = this;
                append(s);
            }
        }
        inner.touchedCount = 0;
        deletes |= inner.deletes;
    }

    /**
     * Forgets every memento of this (outer) level: its transaction committed. The objects keep
     * pointing at them until touched again ({@link #live}), which costs nothing per object here.
     */
    public void forget() {
        ended = true;
        touchedCount = 0;
        touched = NONE;
    }

    /** Whether this level's transaction committed: its mementos no longer count. */
    private boolean ended;

    /** Whether an object was deleted (by a flush or a bulk delete) in this level or one it absorbed. */
    public boolean deletes;

    /** The memento of {@code s} that still counts (null when it belongs to a committed transaction). */
    private static Memento live(InstanceState s) {
        Memento m = s.memento;
        if (m != null && m.level.ended) s.memento = m = null;
        return m;
    }
}
