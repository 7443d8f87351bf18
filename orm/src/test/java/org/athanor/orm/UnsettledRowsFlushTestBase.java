package org.athanor.orm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.athanor.core.schema.Column;
import org.athanor.orm.mapping.ClassMapping;
import org.athanor.orm.model.load.Peeker;
import org.junit.jupiter.api.Test;

/**
 * The flush's dirty check over loaded rows that have no state yet (a load of an entity without relationships keeps
 * its rows without states, see LoadedRows): each row is compared with its snapshot as it is, and only a row whose
 * object changed gets its state, out of row order. The rows must behave as before in every way: the changed ones
 * written once, the others made later (a lookup, the next flush) without a second state for the early one, and a
 * rollback expiring all of them.
 */
public abstract class UnsettledRowsFlushTestBase extends MappedTestBase {
    static final Registry REGISTRY = Registry.of(Peeker.class);
    static final Column<String> NAME = ClassMapping.column(Peeker.class, "name", String.class);

    @Override
    Registry registry() {
        return REGISTRY;
    }

    private List<Long> peekers(int n) {
        try (Session s = sessions.openSession()) {
            List<Peeker> ps = new ArrayList<>();
            for (int i = 0; i < n; i++) ps.add(new Peeker(String.format("p%02d", i)));
            s.addAll(ps);
            s.commit();
            return ps.stream().map(Peeker::getId).toList();
        }
    }

    private List<String> namesInDatabase() {
        try (Session s = sessions.openSession()) {
            return s.query(Peeker.class).orderBy(NAME).all().stream().map(Peeker::getName).toList();
        }
    }

    @Test
    void aFlushMakesStatesOnlyForTheChangedRowsAndWritesThemOnce() {
        peekers(6);
        try (Session s = sessions.openSession()) {
            List<Peeker> loaded = s.query(Peeker.class).orderBy(NAME).all();
            assertEquals(6, s.uow.identityMap.unsettledRows(), "a plain load keeps its rows without states");
            loaded.get(3).setName("p03x");
            statements.clear();
            s.flush();
            assertEquals(1, count("UPDATE"));
            assertEquals(5, s.uow.identityMap.unsettledRows(), "only the changed row was given its state");
            // the others are the session's as before: found, held once, and the early one not written again
            for (Peeker p : loaded) {
                assertTrue(s.contains(p));
                assertSame(p, s.get(Peeker.class, p.getId()));
            }
            assertEquals(0, s.uow.identityMap.unsettledRows());
            assertEquals(6, s.uow.attachedCount(), "one state per row: the early one was not made again");
            loaded.get(0).setName("p00x");
            statements.clear();
            s.flush();
            assertEquals(1, count("UPDATE"), "only the row changed since: the early one was written already");
            s.commit();
        }
        assertEquals(List.of("p00x", "p01", "p02", "p03x", "p04", "p05"), namesInDatabase());
    }

    @Test
    void aNewChangeAfterAnEarlyStateIsFlushedAndTheRestStayWithoutStates() {
        peekers(4);
        try (Session s = sessions.openSession()) {
            List<Peeker> loaded = s.query(Peeker.class).orderBy(NAME).all();
            loaded.get(1).setName("p01x");
            s.flush();
            loaded.get(1).setName("p01y"); // its state exists now: checked as a state
            loaded.get(2).setName("p02x"); // still a row without a state
            s.flush();
            assertEquals(2, s.uow.identityMap.unsettledRows(), "the two unchanged rows still have no state");
            s.commit();
        }
        assertEquals(List.of("p00", "p01y", "p02x", "p03"), namesInDatabase());
    }

    @Test
    void aRollbackAfterAFlushOfOneRowExpiresEveryRow() {
        List<Long> ids = peekers(3);
        try (Session s = sessions.openSession()) {
            List<Peeker> loaded = s.query(Peeker.class).orderBy(NAME).all();
            loaded.get(0).setName("p00x");
            s.flush();
            loaded.get(2).setName("p02x"); // not flushed
            s.rollback();
            assertEquals("p00", loaded.get(0).getName(), "the flushed change is rolled back and the object re-read");
            assertEquals("p02", s.get(Peeker.class, ids.get(2)).getName(), "the unflushed change is expired too");
            assertEquals(ObjectState.PERSISTENT, s.inspect(loaded.get(1)).state());
            statements.clear();
            s.commit();
            assertEquals(0, count("UPDATE"), "nothing rolled back is written again");
        }
        assertEquals(List.of("p00", "p01", "p02"), namesInDatabase());
    }
}
