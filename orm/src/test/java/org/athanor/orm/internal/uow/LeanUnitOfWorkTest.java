package org.athanor.orm.internal.uow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.athanor.orm.internal.mapping.IdKey;
import org.athanor.orm.internal.mapping.Mapper;
import org.athanor.orm.model.User;
import org.junit.jupiter.api.Test;

/**
 * What a short session's unit of work makes lazily: asking about one object makes the state of that loaded row alone
 * (the other rows keep having none); a loaded row's state made late never displaces an inserted state with its key;
 * a load that gives each key once appends the rows outside what was held before it began; and savepoint levels,
 * pending and marked objects work after a unit of work that started with none of their structures.
 */
class LeanUnitOfWorkTest {
    static final Mapper USER = StateTableTest.USER;

    static UnitOfWork uow() {
        return new UnitOfWork(new UnitOfWork.Host() {
            @Override public Object load(Mapper mapper, IdKey key) { throw new AssertionError("no load expected"); }
            @Override public void unloadCollections(InstanceState s) {}
            @Override public boolean collectionsReplaced(InstanceState s) { return false; }
        });
    }

    /** A User row's values with id {@code id}. */
    static Object[] row(long id) {
        Object[] v = new Object[USER.attrs.length];
        v[USER.idIdx[0]] = id;
        return v;
    }

    /** Loads rows with these ids into {@code u} kept without states (a deferring load); their objects, in order. */
    static List<Object> loadWithoutStates(UnitOfWork u, int flags, long... ids) {
        LoadedRows load = u.beginLoad(USER, flags | LoadedRows.DEFER);
        List<Object> objs = new ArrayList<>();
        for (long id : ids) {
            Object o = new Object();
            assertTrue(load.appends(USER, row(id)), "row " + id + " is appended without a lookup");
            u.loadedRow(load, USER, o, row(id));
            objs.add(o);
        }
        u.loadEnded(load);
        return objs;
    }

    @Test
    void askingAboutOneObjectMakesTheStateOfItsRowAlone() {
        UnitOfWork u = uow();
        List<Object> objs = loadWithoutStates(u, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20);
        assertEquals(20, u.identityMap.unsettledRows());
        assertNull(u.stateOf(new Object()), "an object no row holds is not in the unit of work");
        assertEquals(20, u.identityMap.unsettledRows(), "and no row was given a state to find that out");
        InstanceState s = u.stateOf(objs.get(6));
        assertNotNull(s);
        assertSame(objs.get(6), s.obj());
        assertEquals(7L, s.key().value(0));
        assertEquals(19, u.identityMap.unsettledRows(), "only the asked-about row has its state");
        assertEquals(20, u.attachedCount());
        assertSame(s, u.stateOf(objs.get(6)), "asked again: the same state, from the attached objects");
        // a pending object after them, then every row's state: each once, the asked-about one not made twice
        InstanceState added = u.newPending(new Object(), USER, true);
        assertSame(added, u.stateOf(added.obj()));
        List<InstanceState> all = new ArrayList<>();
        u.forEachAttached(all::add);
        assertEquals(21, all.size());
        assertEquals(21, new java.util.HashSet<>(all).size());
        for (int i = 0; i < 20; i++) assertSame(objs.get(i), u.stateOf(objs.get(i)).obj());
        assertEquals(0, u.identityMap.unsettledRows());
    }

    @Test
    void rowsReadAfterTheFirstAskAreFoundToo() {
        UnitOfWork u = uow();
        LoadedRows load = u.beginLoad(USER, LoadedRows.DEFER);
        Object first = new Object();
        u.loadedRow(load, USER, first, row(1));
        assertNull(u.stateOf(new Object()), "the rows read so far are indexed");
        List<Object> later = new ArrayList<>();
        for (long id = 2; id <= 40; id++) { // past the index's first size: it grows
            Object o = new Object();
            u.loadedRow(load, USER, o, row(id));
            later.add(o);
        }
        u.loadEnded(load);
        assertSame(later.get(30), u.stateOf(later.get(30)).obj());
        assertSame(first, u.stateOf(first).obj());
        assertEquals(38, u.identityMap.unsettledRows());
    }

    @Test
    void aRowsStateMadeAfterAnInsertOfItsKeyDoesNotDisplaceTheInsertedState() {
        UnitOfWork u = uow();
        Object stale = loadWithoutStates(u, 0, 5).get(0); // its row is then deleted behind the session's back
        InstanceState fresh = insertedState(u, 5);
        assertSame(fresh, u.identityMap.get(IdKey.ofIds(USER, new Object[] {5L})), "the later (inserted) state is held");
        InstanceState orphan = u.stateOf(stale);
        assertNotNull(orphan, "the loaded object is still attached");
        assertFalse(u.identityMap.holds(orphan));
        assertFalse(u.identityMap.neverReplaced(), "an orphaned state: the table no longer holds every persistent state");
        assertEquals(1, u.identityMap.size());
    }

    @Test
    void anInsertAfterTheRowsStateWasMadeDisplacesIt() {
        UnitOfWork u = uow();
        Object stale = loadWithoutStates(u, 0, 5).get(0);
        InstanceState made = u.stateOf(stale);
        InstanceState fresh = insertedState(u, 5);
        assertSame(fresh, u.identityMap.get(IdKey.ofIds(USER, new Object[] {5L})));
        assertFalse(u.identityMap.holds(made));
    }

    /** A pending object inserted with id {@code id}: appended to the identity map as the flush does. */
    private static InstanceState insertedState(UnitOfWork u, long id) {
        InstanceState s = u.newPending(new Object(), USER, true);
        u.inserted(s, row(id), false);
        return s;
    }

    @Test
    void aLoadGivingEachKeyOnceAppendsTheRowsOutsideWhatWasHeldBeforeIt() {
        UnitOfWork u = uow();
        loadWithoutStates(u, 0, 100); // held before: id 100 alone
        LoadedRows load = u.beginLoad(USER, LoadedRows.DISTINCT | LoadedRows.DEFER);
        for (long id = 1; id <= 5; id++) {
            assertTrue(load.appends(USER, row(id)), "row " + id + ": its own rows cannot meet, and 100 is not among them");
            u.loadedRow(load, USER, new Object(), row(id));
        }
        assertFalse(load.appends(USER, row(100)), "the row of the object held before it is looked up");
        assertTrue(load.appends(USER, row(200)));
        u.loadEnded(load);

        LoadedRows any = u.beginLoad(USER, LoadedRows.DEFER); // keys may repeat: the range of everything held counts
        assertFalse(any.appends(USER, row(3)));
        assertTrue(any.appends(USER, row(300)));
        u.loadEnded(any);
    }

    @Test
    void anEntryByAnotherLoadMeanwhileEndsTheShortcut() {
        UnitOfWork u = uow();
        loadWithoutStates(u, 0, 100);
        LoadedRows load = u.beginLoad(USER, LoadedRows.DISTINCT | LoadedRows.DEFER);
        u.loadedRow(load, USER, new Object(), row(1));
        assertTrue(load.appends(USER, row(150)), "outside what was held before the load");
        loadWithoutStates(u, 0, 250); // another load's row enters while this one reads (a @PostLoad callback's query)
        assertFalse(load.appends(USER, row(150)), "inside the range of everything held now: looked up");
        assertTrue(load.appends(USER, row(300)), "outside everything held");
        u.loadEnded(load);
    }

    @Test
    void savepointLevelsPendingAndMarkedWorkAfterALeanStart() {
        UnitOfWork u = uow();
        TransactionLevels tx = u.tx;
        TxLevel outer = tx.current();
        assertEquals(0, tx.savepoints());
        assertTrue(tx.isOpen(outer));
        TxLevel a = tx.open(null), b = tx.open(null), c = tx.open(null); // past the first array of levels
        assertEquals(3, tx.savepoints());
        assertSame(c, tx.current());
        assertTrue(tx.isOpen(b));
        tx.released(c);
        assertSame(b, tx.current());
        assertFalse(tx.isOpen(c));
        tx.rolledBack(b);
        assertSame(a, tx.current());
        tx.restoreAll();
        assertEquals(0, tx.savepoints());
        assertFalse(tx.isOpen(outer), "a fresh outer level after the rollback");

        assertTrue(u.pending.isEmpty());
        InstanceState p = u.newPending(new Object(), USER, true);
        assertEquals(1, u.pending.size());
        InstanceState persistent = u.stateOf(loadWithoutStates(u, 0, 7).get(0));
        assertTrue(u.marked.isEmpty());
        assertTrue(u.markDeleted(persistent));
        assertEquals(List.of(persistent), new ArrayList<>(u.marked));
        u.unmark(persistent);
        assertTrue(u.marked.isEmpty());
        u.detach(p);
        assertTrue(u.pending.isEmpty());
    }
}
