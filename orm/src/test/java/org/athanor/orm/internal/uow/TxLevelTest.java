package org.athanor.orm.internal.uow;

import org.athanor.orm.internal.mapping.Mapper;
import org.athanor.orm.internal.mapping.IdKey;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.athanor.orm.model.User;
import org.junit.jupiter.api.Test;

/** Transaction levels and their mementos: chains across levels, written values, absorb of a released level, forget. */
class TxLevelTest {
    private static final Mapper USER = Mapper.configure(java.util.List.of(User.class)).get(User.class);

    private static InstanceState persistent(long id) {
        InstanceState s = new InstanceState(new Object(), USER);
        s.status = InstanceState.Status.PERSISTENT;
        s.snapshot = new Object[] {id, "n" + id, null, null};
        s.setKey(IdKey.ofIds(USER, new Object[] {id}));
        s.loadedEpoch = id;
        return s;
    }

    /** Written records as index → [before, after], in the order visited. */
    private static Map<Integer, List<Object>> written(TxLevel.Memento m) {
        Map<Integer, List<Object>> out = new LinkedHashMap<>();
        m.forEachWritten((i, before, after) -> {
            if (out.put(i, java.util.Arrays.asList(before, after)) != null) throw new AssertionError("attribute " + i + " visited twice");
        });
        return out;
    }

    @Test
    void touchReturnsOneMementoPerLevelWithWhatTheStateWasThen() {
        TxLevel level = new TxLevel(null, 0);
        InstanceState s = persistent(1);
        Object[] snapshot = s.snapshot;
        IdKey key = s.key();
        TxLevel.Memento m = level.touch(s);
        assertSame(m, s.memento);
        assertSame(level, m.level);
        assertNull(m.prev);
        s.status = InstanceState.Status.DELETED;
        s.snapshot = null;
        s.setKey(null);
        s.loadedEpoch = 99;
        assertSame(m, level.touch(s), "the same memento for the rest of the level");
        assertEquals(InstanceState.Status.PERSISTENT, m.status);
        assertSame(snapshot, m.snapshot);
        assertSame(key, m.key);
        assertEquals(1, m.loadedEpoch);
        assertArrayEquals(new InstanceState[] {s}, level.touched(), "touched once, listed once");
    }

    @Test
    void touchesInAnInnerLevelChainToTheOuterMemento() {
        TxLevel outer = new TxLevel(null, 0), inner = new TxLevel(null, 5);
        InstanceState s = persistent(1), t = persistent(2);
        TxLevel.Memento mo = outer.touch(s);
        s.status = InstanceState.Status.DELETED;
        TxLevel.Memento mi = inner.touch(s);
        assertNotSame(mo, mi);
        assertSame(mo, mi.prev);
        assertSame(inner, mi.level);
        assertEquals(InstanceState.Status.DELETED, mi.status, "the inner memento holds the state as the inner level found it");
        assertSame(mi, inner.touch(s));
        assertSame(mi, s.memento);
        TxLevel.Memento mt = inner.touch(t);
        assertNull(mt.prev, "not touched by the outer level");
        assertArrayEquals(new InstanceState[] {s, t}, inner.touched(), "in the order first touched");
        assertArrayEquals(new InstanceState[] {s}, outer.touched());
    }

    @Test
    void wroteKeepsTheFirstBeforeAndTheLastAfterPerAttribute() {
        TxLevel.Memento m = new TxLevel(null, 0).touch(persistent(1));
        assertTrue(written(m).isEmpty());
        m.wrote(0, null, 10L);
        m.wrote(3, 1, 2);
        m.wrote(0, 10L, 11L);
        m.wrote(3, 2, 3);
        m.wrote(0, 11L, 12L);
        Map<Integer, List<Object>> w = written(m);
        assertEquals(java.util.Arrays.asList(null, 12L), w.get(0));
        assertEquals(List.of(1, 3), w.get(3));
        assertEquals(List.of(0, 3), new ArrayList<>(w.keySet()), "in the order first written");
    }

    @Test
    void wroteHandlesManyAttributesThroughTheOverflowArrays() {
        TxLevel.Memento m = new TxLevel(null, 0).touch(persistent(1));
        for (int round = 0; round < 3; round++)
            for (int i = 19; i >= 0; i--) m.wrote(i, "before" + i + "/" + round, "after" + i + "/" + round);
        Map<Integer, List<Object>> w = written(m);
        assertEquals(20, w.size());
        int expectedIndex = 19;
        for (Map.Entry<Integer, List<Object>> e : w.entrySet()) {
            int i = e.getKey();
            assertEquals(expectedIndex--, i);
            assertEquals(List.of("before" + i + "/0", "after" + i + "/2"), e.getValue());
        }
    }

    /** Memento.wrote against a map model: the first before and last after of each attribute, in first-write order. */
    @Property(tries = 300)
    void wroteAgreesWithAMapModel(@ForAll @Size(max = 60) List<@IntRange(min = 0, max = 12) Integer> indexes) {
        TxLevel.Memento m = new TxLevel(null, 0).touch(persistent(1));
        Map<Integer, List<Object>> model = new LinkedHashMap<>();
        for (int n = 0; n < indexes.size(); n++) {
            int i = indexes.get(n);
            m.wrote(i, "b" + n, "a" + n);
            List<Object> before = model.get(i);
            model.put(i, List.of(before == null ? "b" + n : before.get(0), "a" + n));
        }
        assertEquals(model, written(m));
        assertEquals(new ArrayList<>(model.keySet()), new ArrayList<>(written(m).keySet()));
    }

    @Test
    void absorbMergesWrittenValuesIntoTheOuterMementoWhenBothLevelsTouchedTheObject() {
        TxLevel outer = new TxLevel(null, 0), inner = new TxLevel(null, 5);
        InstanceState s = persistent(1);
        TxLevel.Memento mo = outer.touch(s);
        mo.wrote(3, 1, 2);
        TxLevel.Memento mi = inner.touch(s);
        mi.wrote(3, 2, 3);
        mi.wrote(0, 1L, 7L);
        outer.absorb(inner);
        assertSame(mo, s.memento, "the outer memento, which knew the object before either level");
        assertSame(outer, mo.level);
        Map<Integer, List<Object>> w = written(mo);
        assertEquals(List.of(1, 3), w.get(3), "before from the outer level, after from the inner one");
        assertEquals(List.of(1L, 7L), w.get(0), "an attribute only the inner level wrote");
        assertTrue(inner.touchedNothing());
        assertArrayEquals(new InstanceState[] {s}, outer.touched(), "not listed twice");
    }

    @Test
    void absorbReparentsTheInnerMementoWhenTheOuterLevelDidNotTouchTheObject() {
        TxLevel l0 = new TxLevel(null, 0), l1 = new TxLevel(null, 3), l2 = new TxLevel(null, 6);
        InstanceState s = persistent(1), t = persistent(2);
        TxLevel.Memento m0 = l0.touch(s);
        m0.wrote(3, 1, 2);
        TxLevel.Memento m2 = l2.touch(s); // l1 never touched s
        m2.wrote(3, 2, 4);
        TxLevel.Memento mt = l2.touch(t);
        mt.wrote(1, "x", "y");
        l1.absorb(l2);
        assertSame(m2, s.memento);
        assertSame(l1, m2.level);
        assertSame(m0, m2.prev, "the chain keeps the outermost memento behind the re-parented one");
        assertSame(l1, mt.level);
        assertArrayEquals(new InstanceState[] {s, t}, l1.touched());
        assertTrue(l2.touchedNothing());
        // releasing l1 into l0 now merges s (both touched it) and re-parents t
        l0.absorb(l1);
        assertSame(m0, s.memento);
        assertEquals(List.of(1, 4), written(m0).get(3));
        assertSame(mt, t.memento);
        assertSame(l0, mt.level);
        assertEquals(List.of("x", "y"), written(mt).get(1));
        assertArrayEquals(new InstanceState[] {s, t}, l0.touched());
    }

    @Test
    void absorbSkipsObjectsWhoseInnerMementoWasAlreadyPopped() {
        TxLevel outer = new TxLevel(null, 0), inner = new TxLevel(null, 5);
        InstanceState s = persistent(1), t = persistent(2);
        inner.touch(s);
        inner.touch(t);
        s.memento = null; // s left the session
        outer.absorb(inner);
        assertNull(s.memento);
        assertArrayEquals(new InstanceState[] {t}, outer.touched());
    }

    @Test
    void forgetClearsEveryMementoOfTheLevel() {
        TxLevel level = new TxLevel(null, 0);
        List<InstanceState> states = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            InstanceState s = persistent(i);
            level.touch(s).wrote(3, i, i + 1);
            states.add(s);
        }
        assertFalse(level.touchedNothing());
        level.forget();
        assertTrue(level.touchedNothing());
        assertEquals(0, level.touched().length);
        // the objects still point at the committed level's mementos, which no longer count
        TxLevel next = new TxLevel(null, 1);
        TxLevel.Memento again = next.touch(states.get(0));
        assertNull(again.prev, "a fresh chain after forget: the committed memento is dropped");
        assertSame(again, states.get(0).memento);
        assertArrayEquals(new InstanceState[] {states.get(0)}, next.touched());
        assertSame(again, next.touch(states.get(0)));
        TxLevel.Memento shared = next.touchInsertedWithGeneratedId(states.get(1));
        assertTrue(shared.sharedInsert, "a stale memento does not stand in the way of the shared insert record");
    }
}
