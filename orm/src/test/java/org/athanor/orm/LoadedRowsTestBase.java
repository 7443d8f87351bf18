package org.athanor.orm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.athanor.orm.model.inherit.Animal;
import org.athanor.orm.model.inherit.Cat;
import org.athanor.orm.model.inherit.Dog;
import org.athanor.orm.model.load.Peeker;
import org.junit.jupiter.api.Test;

/**
 * A load into a session that holds nothing of the loaded hierarchy keeps its rows without their states (LoadedRows), made
 * when the session is first looked at: the objects must be the session's in every way a loaded object is —
 * found by {@code get} and {@code contains} and by a second query, flushed when changed, expired by a rollback and
 * by a commit, seen by a {@code @PostLoad} callback that looks at the session in the middle of the load, and each
 * row of a hierarchy kept as its own class.
 */
public abstract class LoadedRowsTestBase extends PeekerLoadTestBase {
    /** Peekers a, b, c committed; their ids in that order. */
    private List<Long> abc() {
        return peekers("a", "b", "c");
    }

    @Test
    void loadedObjectsAreTheSessionsForGetContainsAndTheNextQuery() {
        List<Long> ids = abc();
        try (Session s = sessions.openSession()) {
            List<Peeker> loaded = all(s);
            statements.clear();
            assertSame(loaded.get(1), s.get(Peeker.class, ids.get(1)), "get finds the loaded object");
            assertEquals(0, count("SELECT"), "from the identity map, without a SELECT");
            assertTrue(s.contains(loaded.get(2)));
            assertEquals(3, s.getAll().size());
            List<Peeker> again = all(s);
            for (int i = 0; i < 3; i++) assertSame(loaded.get(i), again.get(i), "a second query gives the same objects");
            assertEquals(ObjectState.PERSISTENT, s.inspect(loaded.get(0)).state());
        }
    }

    @Test
    void aChangedLoadedObjectIsFlushedAndARollbackPutsItBack() {
        abc();
        try (Session s = sessions.openSession()) {
            List<Peeker> loaded = all(s);
            loaded.get(0).setName("a2");
            statements.clear();
            s.flush();
            assertEquals(1, count("UPDATE"), "only the changed object is written: " + statements);
            s.rollback();
            assertEquals("a", loaded.get(0).getName(), "the rollback puts back what the row held");
            assertEquals(List.of("a", "b", "c"), all(s).stream().map(Peeker::getName).toList());
        }
    }

    @Test
    void objectsLoadedBeforeACommitAreReadAgainAfterIt() {
        abc();
        try (Session s = sessions.openSession(); Session other = sessions.openSession()) {
            List<Peeker> loaded = all(s);
            all(other).get(1).setName("b2");
            other.commit();
            s.commit(); // expires what s loaded
            List<Peeker> again = all(s);
            assertSame(loaded.get(1), again.get(1));
            assertEquals("b2", loaded.get(1).getName(), "expired at commit: the next query reads the row again");
        }
    }

    @Test
    void aPostLoadCallbackLookingAtTheSessionMidLoadSeesTheRowsReadSoFar() {
        List<Long> ids = abc();
        try (Session s = sessions.openSession()) {
            List<Peeker> seen = new ArrayList<>();
            List<Object> foundByGet = new ArrayList<>();
            Peeker.onLoad = p -> {
                seen.add(p);
                if (p.getName().equals("b")) {
                    assertTrue(s.contains(seen.get(0)), "the row read before is the session's");
                    assertTrue(s.contains(p), "so is the row being read");
                    foundByGet.add(s.get(Peeker.class, ids.get(0)));
                }
            };
            List<Peeker> loaded = all(s);
            Peeker.onLoad = null;
            assertEquals(seen, loaded);
            assertSame(loaded.get(0), foundByGet.get(0), "get during the load finds the object read before");
            for (int i = 0; i < 3; i++) {
                assertTrue(s.contains(loaded.get(i)), "row " + i + " is the session's");
                assertSame(loaded.get(i), s.get(Peeker.class, ids.get(i)));
            }
            loaded.get(2).setName("c2");
            s.commit();
        }
        try (Session s = sessions.openSession()) {
            assertEquals(List.of("a", "b", "c2"), all(s).stream().map(Peeker::getName).toList(), "the row read after the look is flushed too");
        }
    }

    @Test
    void eachRowOfAHierarchyKeepsItsClass() {
        Pets pets = pets();
        long tom = pets.tom(), rex = pets.rex();
        try (Session s = sessions.openSession()) {
            List<Animal> all = s.query(Animal.class).all();
            assertEquals(3, all.size());
            Dog r = s.get(Dog.class, rex);
            assertTrue(all.contains(r), "the loaded Dog is the session's");
            assertInstanceOf(Cat.class, s.get(Animal.class, tom));
            assertTrue(all.contains(s.get(Cat.class, tom)));
            r.breed = "sheepdog";
            statements.clear();
            s.commit();
            assertEquals(1, count("UPDATE"), "the Dog's own column is written: " + statements);
        }
        try (Session s = sessions.openSession()) {
            assertEquals("sheepdog", s.get(Dog.class, rex).breed);
        }
    }

    /** More rows than one chunk of LoadedRows (and its first directory) holds, and a hierarchy's classes over many rows. */
    @Test
    void everyRowOfALargeLoadIsTheSessions() {
        List<Peeker> made = new ArrayList<>();
        List<Animal> animals = new ArrayList<>();
        for (int i = 0; i < 1100; i++) made.add(new Peeker(String.format("p%04d", i)));
        for (int i = 0; i < 40; i++) animals.add(i % 3 == 0 ? new Cat("c" + i, true) : new Dog("d" + i, "b" + i));
        try (Session s = sessions.openSession()) {
            s.addAll(made);
            s.addAll(animals);
            s.commit();
        }
        try (Session s = sessions.openSession()) {
            List<Peeker> loaded = all(s);
            assertEquals(1100, loaded.size());
            for (int i : new int[] {0, 255, 256, 511, 1023, 1024, 1099}) {
                assertEquals(made.get(i).getName(), loaded.get(i).getName());
                assertSame(loaded.get(i), s.get(Peeker.class, made.get(i).getId()), "row " + i);
            }
            List<Animal> all = s.query(Animal.class).all();
            for (Animal a : animals) {
                Animal mine = s.get(Animal.class, a.id);
                assertEquals(a.getClass(), mine.getClass());
                assertTrue(all.contains(mine));
            }
            loaded.get(1050).setName("changed");
            statements.clear();
            s.commit();
            assertEquals(1, count("UPDATE"), "one changed row among 1,140: " + statements.size() + " statements");
        }
    }

    /** A load that fails part-way (a {@code @PostLoad} throws): the rows read before are the session's, which goes on. */
    @Test
    void aLoadThatFailsPartWayLeavesTheRowsReadBeforeInTheSession() {
        List<Long> ids = abc();
        try (Session s = sessions.openSession()) {
            List<Peeker> seen = new ArrayList<>();
            Peeker.onLoad = p -> {
                seen.add(p);
                if (p.getName().equals("b")) throw new IllegalStateException("b cannot be loaded");
            };
            IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, () -> all(s));
            assertEquals("b cannot be loaded", e.getMessage());
            Peeker.onLoad = null;
            assertEquals(2, seen.size());
            assertTrue(s.contains(seen.get(0)), "the row read before the failure is the session's");
            List<Peeker> again = all(s);
            assertSame(seen.get(0), again.get(0));
            assertSame(seen.get(1), again.get(1), "so is the row whose callback failed (registered before its callback ran)");
            assertSame(again.get(2), s.get(Peeker.class, ids.get(2)));
        }
    }
}
