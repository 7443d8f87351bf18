package org.athanor.orm;

import static org.athanor.core.sql.Sql.deleteFrom;
import static org.athanor.core.sql.Sql.select;
import static org.athanor.orm.Loaders.joinedLoad;
import static org.athanor.orm.Loaders.selectinLoad;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.athanor.core.engine.Connection;
import org.athanor.core.schema.Column;
import org.athanor.core.schema.Table;
import org.athanor.core.sql.Sql;
import org.athanor.orm.model.inherit.Animal;
import org.athanor.orm.model.inherit.Animal_;
import org.athanor.orm.model.inherit.Cat;
import org.athanor.orm.model.inherit.Cat_;
import org.athanor.orm.model.inherit.Dog;
import org.athanor.orm.model.inherit.Dog_;
import org.athanor.orm.model.inherit.Owner;
import org.athanor.orm.model.inherit.Owner_;
import org.athanor.orm.model.inherit.Puppy;
import org.athanor.orm.model.inherit.Puppy_;
import org.junit.jupiter.api.Test;

/**
 * Single-table inheritance on every database (the tutorial's Animal / Cat / Dog, plus Puppy under Dog and
 * a mapped superclass above Animal): the discriminator written per class, polymorphic and subclass queries
 * in one SELECT, get by base and subclass with one identity, updates and deletes, relationships to the base
 * (Owner.pets) and from a subclass (Dog.chases), and an unknown discriminator value.
 */
public abstract class SingleTableInheritanceTestBase extends MappedTestBase {
    static final Registry REGISTRY = Registry.of(Owner.class, Animal.class, Cat.class, Dog.class, Puppy.class);

    @Override
    Registry registry() {
        return REGISTRY;
    }

    @Override
    boolean emptyAfterAll() {
        return true;
    }

    @Override
    void deleteRows(Connection c) { deleteAnimals(c, REGISTRY); }

    /** Empties the animals' single table (its self-reference cleared first) and the owners' of {@code registry}. */
    static void deleteAnimals(Connection c, Registry registry) {
        Table animals = registry.table(Animal.class);
        @SuppressWarnings("unchecked") Column<Long> chases = (Column<Long>) animals.column("chases_id");
        c.execute(Sql.update(animals).set(chases, (Long) null));
        c.execute(deleteFrom(animals));
        c.execute(deleteFrom(registry.table(Owner.class)));
    }

    /** Tom the cat, Rex the dog (chasing Tom), Bit the puppy; Ann owns Tom and Rex. Returns their ids. */
    Map<String, Long> seed() {
        Map<String, Long> ids = new TreeMap<>();
        try (Session s = sessions.openSession()) {
            Owner ann = new Owner("Ann");
            Cat tom = new Cat("Tom", true);
            Dog rex = new Dog("Rex", "collie");
            Puppy bit = new Puppy("Bit", "beagle", 9);
            rex.chases = tom;
            tom.owner = ann;
            rex.owner = ann;
            tom.createdBy = "seed";
            s.addAll(List.of(ann, tom, rex, bit));
            s.commit();
            ids.put("Tom", tom.id);
            ids.put("Rex", rex.id);
            ids.put("Bit", bit.id);
            ids.put("Ann", ann.id);
        }
        statements.clear();
        return ids;
    }

    @Test
    void eachClassWritesItsDiscriminatorValueAndItsOwnColumnsToTheOneTable() {
        Map<String, Long> ids = seed();
        Table t = REGISTRY.table(Animal.class);
        assertSame(t, REGISTRY.table(Cat.class), "one table for the hierarchy");
        assertSame(t, REGISTRY.table(Puppy.class));
        Map<String, String> types = new TreeMap<>();
        try (var c = engine.connect()) {
            for (var r : c.execute(select(t.column("name"), t.column("type"), t.column("indoor"), t.column("breed"), t.column("weeks"))
                    .from(t)).all()) {
                types.put((String) r._1, r._2 + "/" + r._3 + "/" + r._4 + "/" + r._5);
            }
        }
        assertEquals("cat/true/null/null", types.get("Tom").replace("/1/", "/true/"));
        assertEquals("dog/null/collie/null", types.get("Rex"));
        assertEquals("Puppy/null/beagle/9", types.get("Bit"), "the default discriminator value is the entity name");
        assertNotNull(ids.get("Tom"));
    }

    @Test
    void aQueryOfTheBaseReturnsEachRowAsItsOwnClassInOneSelect() {
        seed();
        try (Session s = sessions.openSession()) {
            List<Animal> all = s.query(Animal.class).orderBy(Animal_.name.asc()).all();
            assertEquals(2, count("SELECT"), "one SELECT for the hierarchy (Dog.chases resolved from the result), one for "
                    + "the owners: " + statements);
            assertEquals(List.of("Bit", "Rex", "Tom"), all.stream().map(a -> a.name).toList());
            Puppy bit = assertInstanceOf(Puppy.class, all.get(0));
            Dog rex = assertInstanceOf(Dog.class, all.get(1));
            Cat tom = assertInstanceOf(Cat.class, all.get(2));
            assertEquals(9, bit.weeks);
            assertEquals("beagle", bit.breed);
            assertEquals("collie", rex.breed);
            assertTrue(tom.indoor);
            assertEquals("seed", tom.createdBy, "the mapped superclass's column");
            assertSame(tom, rex.chases, "a subclass's reference, resolved within the result");
            assertEquals("Ann", tom.owner.name);
            assertSame(tom.owner, rex.owner);
            for (Animal a : all)
                assertNull(s.stateOf(a).valuesIfChanged(), a.name + " was read as it is (its discriminator too): a flush finds nothing changed");
        }
    }

    @Test
    void aQueryOfASubclassAddsTheDiscriminatorCriterionAndIncludesItsSubclasses() {
        seed();
        try (Session s = sessions.openSession()) {
            List<Cat> cats = s.query(Cat.class).all();
            assertEquals(List.of("Tom"), cats.stream().map(c -> c.name).toList());
            List<Dog> dogs = s.query(Dog.class).orderBy(Dog_.name.asc()).all();
            assertEquals(List.of("Bit", "Rex"), dogs.stream().map(d -> d.name).toList());
            assertInstanceOf(Puppy.class, dogs.get(0));
            assertEquals(1, s.query(Puppy.class).count());
            assertEquals(2, s.query(Dog.class).count());
            assertEquals(3, s.query(Animal.class).count());
            assertTrue(s.query(Cat.class).statement().toString().contains("type"), "criterion on the discriminator: "
                    + s.query(Cat.class).statement());
        }
    }

    @Test
    void filtersOnSubclassAttributesGoThroughTheTypedMetamodel() {
        seed();
        try (Session s = sessions.openSession()) {
            assertEquals("Tom", s.query(Cat.class).filter(Cat_.indoor.eq(true)).one().name);
            assertNull(s.query(Cat.class).filter(Cat_.indoor.eq(false)).oneOrNull());
            assertEquals("Rex", s.query(Dog.class).filter(Dog_.breed.eq("collie")).one().name);
            assertEquals("Bit", s.query(Animal.class).filter(Puppy_.weeks.gt(4)).one().name, "a subclass column from the base");
            assertEquals("Tom", s.query(Cat.class).filter(Cat_.name.eq("Tom")).one().name, "an inherited attribute");
            assertEquals("Tom", s.query(Cat.class).filterBy("indoor", true).one().name);
        }
    }

    @Test
    void getByBaseAndBySubclassGiveOneIdentity() {
        Map<String, Long> ids = seed();
        try (Session s = sessions.openSession()) {
            Animal a = s.get(Animal.class, ids.get("Tom"));
            assertInstanceOf(Cat.class, a);
            int before = statements.size();
            assertSame(a, s.get(Cat.class, ids.get("Tom")), "identity keyed by the hierarchy's base");
            assertEquals(before, statements.size(), "the second get is an identity-map hit");
            assertNull(s.get(Dog.class, ids.get("Tom")), "Tom is no Dog");
            assertEquals(before, statements.size(), "still no SQL: the object's class answers");
            Dog bit = s.get(Dog.class, ids.get("Bit"));
            assertInstanceOf(Puppy.class, bit);
        }
        try (Session s = sessions.openSession()) {
            assertNull(s.get(Cat.class, ids.get("Rex")), "the subclass criterion leaves out a Dog row");
            assertInstanceOf(Dog.class, s.get(Animal.class, ids.get("Rex")));
        }
    }

    @Test
    void updatesAndDeletesOfEachClass() {
        Map<String, Long> ids = seed();
        try (Session s = sessions.openSession()) {
            Cat tom = s.get(Cat.class, ids.get("Tom"));
            Puppy bit = s.get(Puppy.class, ids.get("Bit"));
            tom.indoor = false;
            bit.weeks = 10;
            bit.name = "Bitsy";
            statements.clear();
            s.commit();
            assertEquals(2, count("UPDATE"), statements.toString());
        }
        try (Session s = sessions.openSession()) {
            assertEquals(false, s.get(Cat.class, ids.get("Tom")).indoor);
            Puppy bit = s.get(Puppy.class, ids.get("Bit"));
            assertEquals("Bitsy", bit.name);
            assertEquals(10, bit.weeks);
            Dog rex = s.get(Dog.class, ids.get("Rex"));
            rex.chases = null;
            s.delete(bit);
            s.flush();
            s.delete(s.get(Animal.class, ids.get("Tom")));
            s.commit();
        }
        try (Session s = sessions.openSession()) {
            assertEquals(List.of("Rex"), s.query(Animal.class).all().stream().map(a -> a.name).toList());
            assertEquals(0, s.query(Cat.class).count());
        }
    }

    @Test
    void aCollectionOfTheBaseHoldsEverySubclass() {
        Map<String, Long> ids = seed();
        try (Session s = sessions.openSession()) {
            Owner ann = s.get(Owner.class, ids.get("Ann"));
            statements.clear();
            List<Animal> pets = ann.pets;
            assertEquals(List.of("Rex", "Tom"), pets.stream().map(p -> p.name).toList(), "@OrderBy(name)");
            assertInstanceOf(Dog.class, pets.get(0));
            assertInstanceOf(Cat.class, pets.get(1));
            assertSame(pets.get(1), ((Dog) pets.get(0)).chases);
            assertEquals(1, count("SELECT"), "one SELECT loads the collection with both classes: " + statements);
            Cat felix = new Cat("Felix", false);
            ann.pets.add(felix);
            assertSame(ann, felix.owner, "adding sets the other side");
            s.commit();
        }
        try (Session s = sessions.openSession()) {
            List<Owner> owners = s.query(Owner.class).options(selectinLoad(Owner_.pets)).all();
            statements.clear();
            assertEquals(List.of("Felix", "Rex", "Tom"), owners.get(0).pets.stream().map(p -> p.name).toList());
            assertEquals(0, count("SELECT"), "selectin-loaded with the query");
            assertEquals(1, s.query(Cat.class).filterBy("owner", owners.get(0)).filter(Cat_.indoor.eq(false)).count());
        }
    }

    @Test
    void aRowWithAnUnknownDiscriminatorValueIsAClearError() {
        seed();
        Table t = REGISTRY.table(Animal.class);
        @SuppressWarnings("unchecked") Column<String> type = (Column<String>) t.column("type");
        @SuppressWarnings("unchecked") Column<String> name = (Column<String>) t.column("name");
        TestDb.tx(engine, c -> c.execute(Sql.update(t).set(type, "bird").where(name.eq("Bit"))));
        try (Session s = sessions.openSession()) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> s.query(Animal.class).all());
            assertTrue(e.getMessage().contains("'bird'") && e.getMessage().contains("['Puppy', 'cat', 'dog']"), e.getMessage());
            assertEquals(List.of("Rex"), s.query(Dog.class).all().stream().map(d -> d.name).toList(),
                    "a subclass query does not read the row");
        }
    }

    @Test
    void joinedLoadReadsACollectionOfTheBaseAndAReferenceOfAPolymorphicQueryInOneStatement() {
        seed();
        try (Session s = sessions.openSession()) {
            List<Owner> owners = s.query(Owner.class).options(joinedLoad(Owner_.pets)).all();
            assertEquals(1, count("SELECT"), "owners and their pets of each class in one statement: " + statements);
            List<Animal> pets = owners.get(0).pets;
            assertEquals(List.of("Rex", "Tom"), pets.stream().map(p -> p.name).toList(), "@OrderBy(name)");
            Dog rex = assertInstanceOf(Dog.class, pets.get(0));
            assertEquals("collie", rex.breed);
            assertSame(pets.get(1), rex.chases, "Dog.chases found in the same result");
            assertEquals(true, assertInstanceOf(Cat.class, pets.get(1)).indoor);
            assertEquals(1, count("SELECT"), statements.toString());
        }
        statements.clear();
        try (Session s = sessions.openSession()) {
            List<Animal> all = s.query(Animal.class).options(joinedLoad(Animal_.owner)).orderBy(Animal_.name.asc()).all();
            assertEquals(List.of("Bit", "Rex", "Tom"), all.stream().map(a -> a.name).toList());
            assertEquals(9, assertInstanceOf(Puppy.class, all.get(0)).weeks, "a subclass column after the root's");
            assertNull(all.get(0).owner);
            assertEquals("Ann", all.get(1).owner.name);
            assertSame(all.get(1).owner, all.get(2).owner);
            assertSame(all.get(2), ((Dog) all.get(1)).chases);
            assertEquals(1, count("SELECT"), "animals of every class and their owners in one statement: " + statements);
        }
    }
}
