package org.athanor.orm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** A level's log of loaded objects: the latest read of each object wins, across compaction and absorb. */
class TxLevelLogTest {
    private static InstanceState state() { return new InstanceState(new Object(), null); }

    @Test
    void latestReadWinsThroughCompaction() {
        TxLevel l = new TxLevel(null);
        InstanceState a = state(), b = state();
        Object[] last = null;
        for (int i = 0; i < 5000; i++) { // far past the compaction threshold, mostly re-reads of a
            last = new Object[] {i};
            l.recordLoaded(a, last);
            if (i == 10) l.recordLoaded(b, new Object[] {"b"});
        }
        Map<InstanceState, Object[]> m = l.loaded();
        assertEquals(2, m.size());
        assertSame(last, m.get(a));
        assertEquals("b", m.get(b)[0]);
    }

    @Test
    void manyDistinctObjectsAreAllKept() {
        TxLevel l = new TxLevel(null);
        InstanceState[] s = new InstanceState[3000];
        for (int i = 0; i < s.length; i++) { s[i] = state(); l.recordLoaded(s[i], new Object[] {i}); }
        Map<InstanceState, Object[]> m = l.loaded();
        assertEquals(3000, m.size());
        for (int i = 0; i < s.length; i++) assertEquals(i, m.get(s[i])[0]);
    }

    @Test
    void absorbedReadsSupersedeTheOuterLevels() {
        TxLevel outer = new TxLevel(null), inner = new TxLevel(null);
        InstanceState a = state(), b = state();
        outer.recordLoaded(a, new Object[] {"outer"});
        outer.recordLoaded(b, new Object[] {"outer b"});
        inner.recordLoaded(a, new Object[] {"inner"});
        outer.absorb(inner);
        Map<InstanceState, Object[]> m = outer.loaded();
        assertEquals("inner", m.get(a)[0]);
        assertEquals("outer b", m.get(b)[0]);
    }
}
