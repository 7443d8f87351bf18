package org.athanor.orm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.athanor.orm.model.inherit.Animal;
import org.athanor.orm.model.inherit.Cat;
import org.athanor.orm.model.inherit.Dog;
import org.athanor.orm.model.inherit.Owner;
import org.athanor.orm.model.inherit.Puppy;
import org.athanor.orm.model.load.Peeker;
import org.junit.jupiter.api.Test;

/**
 * Every entity load takes one route from rows to objects: a row whose object the session cannot hold (nothing of its
 * hierarchy held, or only the load's own rows, or its id outside those held) enters without an identity-map lookup;
 * any other row is looked up. Whichever branch a row takes, the objects must be the session's: the same identities
 * for rows it holds (with their unflushed changes kept, or re-read when expired), and a streamed result resolves its
 * references a chunk of rows at a time.
 */
public abstract class OneLoadRouteTestBase extends PeekerLoadTestBase {

    @Test
    void aQueryInASessionHoldingOtherClassesGivesTheSessionsObjects() {
        List<Long> ids = peekers("a", "b", "c");
        try (Session s = sessions.openSession()) {
            Owner o = new Owner("olga");
            s.add(o);
            s.commit();
            assertNotNull(s.get(Owner.class, o.id)); // another hierarchy is held
            List<Peeker> loaded = all(s);
            statements.clear();
            assertSame(loaded.get(1), s.get(Peeker.class, ids.get(1)), "get finds the loaded object");
            assertEquals(0, count("SELECT"), "from the identity map");
            List<Peeker> again = all(s);
            for (int i = 0; i < 3; i++) assertSame(loaded.get(i), again.get(i), "a second query gives the same objects");
            loaded.get(2).setName("c2");
            statements.clear();
            s.commit();
            assertEquals(1, count("UPDATE"), "the changed object is flushed: " + statements);
        }
        try (Session s = sessions.openSession()) {
            assertEquals(List.of("a", "b", "c2"), all(s).stream().map(Peeker::getName).toList());
        }
    }

    @Test
    void aQueryOfAPartlyHeldHierarchyGivesTheHeldObjectsWithTheirUnflushedChanges() {
        Pets pets = pets();
        long tom = pets.tom(), rex = pets.rex(), bit = pets.bit();
        try (Session s = sessions.autoflush(false).openSession()) {
            Dog r = s.get(Dog.class, rex); // the middle key: rows on both sides of it are not held
            r.breed = "sheepdog"; // not flushed
            List<Animal> all = s.query(Animal.class).orderBy(ANIMAL_ID.asc()).all();
            assertEquals(3, all.size());
            assertSame(r, all.get(1), "the held Dog is the result's");
            assertEquals("sheepdog", r.breed, "its unflushed change is kept");
            assertInstanceOf(Cat.class, all.get(0));
            assertInstanceOf(Puppy.class, all.get(2));
            assertSame(all.get(0), s.get(Animal.class, tom));
            assertSame(all.get(2), s.get(Dog.class, bit));
            List<Animal> again = s.query(Animal.class).orderBy(ANIMAL_ID.asc()).all();
            for (int i = 0; i < 3; i++) assertSame(all.get(i), again.get(i));
            statements.clear();
            s.commit();
            assertEquals(1, count("UPDATE"), "the change is written at commit: " + statements);
        }
        try (Session s = sessions.openSession()) {
            assertEquals("sheepdog", s.get(Dog.class, rex).breed);
        }
    }

    @Test
    void expiredObjectsAreReadAgainByALoad() {
        List<Long> ids = peekers("a", "b", "c");
        try (Session s = sessions.openSession(); Session other = sessions.openSession()) {
            Peeker b = s.get(Peeker.class, ids.get(1));
            b.setName("x");
            s.flush();
            s.rollback(); // expires b
            other.get(Peeker.class, ids.get(0)).setName("a2");
            other.commit();
            List<Peeker> loaded = all(s);
            assertSame(b, loaded.get(1));
            assertEquals("b", b.getName(), "the expired object is read again");
            assertEquals("a2", loaded.get(0).getName());
            s.commit(); // expires all of them
            Peeker a = loaded.get(0);
            other.get(Peeker.class, ids.get(0)).setName("a3");
            other.commit();
            assertEquals(List.of("a3", "b", "c"), all(s).stream().map(Peeker::getName).toList());
            assertSame(a, all(s).get(0));
        }
    }

    /**
     * A load whose statement gives each key once appends its rows without lookups only while nothing else of the
     * hierarchy enters the session: here a {@code @PostLoad} callback loads a later row first, and the load then
     * gives that same object.
     */
    @Test
    void aRowLoadedByACallbackDuringTheLoadIsTheSameObject() {
        List<Long> ids = peekers("a", "b", "c", "d");
        try (Session s = sessions.openSession()) {
            List<Peeker> byGet = new ArrayList<>();
            Peeker.onLoad = p -> {
                if (p.getName().equals("a")) {
                    Peeker.onLoad = null;
                    byGet.add(s.get(Peeker.class, ids.get(2)));
                    byGet.add(s.get(Peeker.class, ids.get(1)));
                }
            };
            List<Peeker> loaded = all(s);
            assertEquals(List.of("a", "b", "c", "d"), loaded.stream().map(Peeker::getName).toList());
            assertSame(byGet.get(0), loaded.get(2), "the row the callback loaded is that object");
            assertSame(byGet.get(1), loaded.get(1));
            for (int i = 0; i < 4; i++) assertSame(loaded.get(i), s.get(Peeker.class, ids.get(i)));
            assertEquals(4, s.getAll().size(), "one object per row");
        }
    }

    /** A streamed result resolves its references a chunk of rows at a time: one SELECT per chunk, not one per row. */
    @Test
    void aStreamResolvesReferencesPerChunkOfRows() {
        int n = 600; // two chunks of ToOneLoading.CHUNK (500)
        try (Session s = sessions.openSession()) {
            for (int i = 0; i < n; i++) {
                Owner o = new Owner(String.format("o%04d", i));
                Cat c = new Cat(String.format("c%04d", i), true);
                c.owner = o;
                s.add(o);
                s.add(c);
            }
            s.commit();
        }
        try (Session s = sessions.openSession()) {
            statements.clear();
            List<Animal> seen = new ArrayList<>();
            try (Stream<Animal> st = s.query(Animal.class).orderBy(ANIMAL_ID.asc()).stream()) {
                st.forEach(seen::add);
            }
            assertEquals(n, seen.size());
            assertEquals(3, count("SELECT"), "the cats' SELECT, then one per chunk for their owners: " + statements.size() + " statements");
            for (int i = 0; i < n; i++) {
                assertEquals(String.format("c%04d", i), seen.get(i).name);
                assertEquals(String.format("o%04d", i), seen.get(i).owner.name, "row " + i);
                assertSame(seen.get(i).owner, s.get(Owner.class, seen.get(i).owner.id));
            }
        }
    }
}
