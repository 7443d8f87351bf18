package org.athanor.orm.internal.uow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.athanor.orm.internal.mapping.Mapper;
import org.junit.jupiter.api.Test;

/**
 * What a short session's unit of work allocates up front: a load bounded by a LIMIT sizes its first chunk of rows once
 * (a 20-row page: 40 slots, not 16, 32 then 64), never beyond a whole chunk, and keeps every row right past the bound
 * it was given; the collection changes keep no map until a collection changes.
 */
class LoadSizingTest {
    static final Mapper USER = StateTableTest.USER;

    /** Loads rows 1..n without states in a load given {@code bound}; the load and the rows' objects (into {@code objs}). */
    static LoadedRows load(UnitOfWork u, int bound, int n, List<Object> objs) {
        LoadedRows load = u.beginLoad(USER, LoadedRows.DEFER | LoadedRows.DISTINCT, bound);
        for (long id = 1; id <= n; id++) {
            Object o = new Object();
            assertTrue(load.appends(USER, LeanUnitOfWorkTest.row(id)));
            u.loadedRow(load, USER, o, LeanUnitOfWorkTest.row(id));
            objs.add(o);
        }
        u.loadEnded(load);
        return load;
    }

    @Test
    void aBoundedLoadSizesItsFirstChunkOnce() {
        LoadedRows page = load(LeanUnitOfWorkTest.uow(), 20, 20, new ArrayList<>());
        assertEquals(40, page.firstChunkLength(), "two slots per row of the LIMIT, not grown");
        LoadedRows unbounded = load(LeanUnitOfWorkTest.uow(), 0, 20, new ArrayList<>());
        assertEquals(64, unbounded.firstChunkLength(), "without a bound the first chunk starts at 8 rows and doubles");
        LoadedRows large = load(LeanUnitOfWorkTest.uow(), 100_000, 3, new ArrayList<>());
        assertEquals(512, large.firstChunkLength(), "a bound past a chunk takes one chunk, no more");
    }

    @Test
    void aLoadPastItsBoundStillKeepsEveryRowAndItsFirstChunkStopsAtAChunk() {
        UnitOfWork u = LeanUnitOfWorkTest.uow();
        List<Object> objs = new ArrayList<>();
        LoadedRows load = load(u, 3, 600, objs);
        assertEquals(512, load.firstChunkLength(), "grown from 6 slots, capped at a chunk (not 768)");
        assertEquals(600, u.identityMap.unsettledRows());
        for (int i = 0; i < 600; i++) {
            InstanceState s = u.stateOf(objs.get(i));
            assertSame(objs.get(i), s.obj());
            assertEquals((long) (i + 1), s.key().value(0));
        }
        assertEquals(0, u.identityMap.unsettledRows());
    }

    @Test
    void aNegativeBoundIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> LeanUnitOfWorkTest.uow().beginLoad(USER, 0, -1));
    }

    @Test
    void linkChangesMakeNoMapUntilACollectionChanges() {
        LinkChanges l = new LinkChanges();
        Object owner = new Object(), coll = new Object();
        // every question and reset on no changes answers without making a map
        assertTrue(l.isEmpty());
        assertFalse(l.names(owner));
        assertNull(l.before(coll));
        assertTrue(l.changes().isEmpty());
        assertTrue(l.rewrites().isEmpty());
        assertTrue(l.objects().isEmpty());
        assertFalse(l.rewriting(null, owner));
        assertEquals(Map.of(), l.forget(null, owner, true));
        l.forgetHistory(owner);
        l.settle();
        l.clear();
        assertFalse(l.madeMaps(), "a session that changes no collection allocates no map for it");
        assertThrows(UnsupportedOperationException.class, () -> l.changes().put(null, null), "the empty view is not a map to fill");
        l.changing(coll, owner, List.of("a"));
        assertTrue(l.madeMaps());
        assertEquals(List.of("a"), l.before(coll));
        l.changing(coll, owner, List.of("b"));
        assertEquals(List.of("a"), l.before(coll), "the first change's copy is kept");
        l.settle();
        assertNull(l.before(coll));
        assertTrue(l.isEmpty());
    }
}
