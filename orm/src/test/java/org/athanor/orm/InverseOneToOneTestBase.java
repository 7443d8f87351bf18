package org.athanor.orm;

import static org.athanor.orm.Loaders.joinedLoad;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import org.athanor.orm.mapping.MappingException;
import org.athanor.orm.model.one.Passport;
import org.athanor.orm.model.one.Passport_;
import org.athanor.orm.model.one.Person;
import org.athanor.orm.model.one.Person_;
import org.junit.jupiter.api.Test;

/**
 * The inverse side of a one-to-one ({@code Person.passport}, {@code @OneToOne(mappedBy = "holder")}): loaded
 * with its objects by one batched select per result, joinedLoad, has/join, the owning side written and the
 * inverse field kept in step at flush, cascade REMOVE; exact statement counts.
 */
public abstract class InverseOneToOneTestBase extends MappedTestBase {
    static final Registry REGISTRY = Registry.of(Person.class, Passport.class);

    @Override
    Registry registry() {
        return REGISTRY;
    }

    /** ann and bob with passports (set on the inverse side only), cy without. */
    void seed() {
        try (Session s = sessions.openSession()) {
            Person ann = new Person("ann"), bob = new Person("bob"), cy = new Person("cy");
            ann.setPassport(new Passport("A1"));
            bob.setPassport(new Passport("B1"));
            s.addAll(List.of(ann, bob, cy));
            s.commit();
        }
        statements.clear();
    }

    @Test
    void settingTheInverseSideAdoptsTheNewObjectAndWritesTheOwningSide() {
        seed();
        try (Session s = sessions.openSession()) {
            Passport a1 = s.query(Passport.class).filterBy("number", "A1").one();
            assertEquals("ann", a1.getHolder().getName());
        }
    }

    @Test
    void aResultsInverseOnesLoadInOneSelect() {
        seed();
        try (Session s = sessions.openSession()) {
            List<Person> people = s.query(Person.class).orderBy(Person_.name.asc()).all();
            assertEquals(2, count("SELECT"), "persons; passports WHERE holder_id IN (...): " + statements);
            assertEquals("A1", people.get(0).getPassport().getNumber());
            assertSame(people.get(0), people.get(0).getPassport().getHolder(), "from the identity map");
            assertEquals("B1", people.get(1).getPassport().getNumber());
            assertNull(people.get(2).getPassport());
            assertEquals(2, count("SELECT"), statements.toString());
        }
        statements.clear();
        try (Session s = sessions.openSession()) {
            Person ann = s.query(Person.class).filterBy("name", "ann").one();
            assertEquals(2, count("SELECT"), statements.toString());
            assertEquals("A1", ann.getPassport().getNumber());
            s.get(Person.class, ann.getId());
            assertEquals(2, count("SELECT"), "get from the identity map: " + statements);
        }
        statements.clear();
        try (Session s = sessions.openSession()) {
            List<Passport> ps = s.query(Passport.class).all();
            // passports; their holders IN (...); the holders' passports IN (...) (found in the identity map)
            assertEquals(3, count("SELECT"), statements.toString());
            for (Passport p : ps) assertSame(p, p.getHolder().getPassport());
        }
    }

    @Test
    void joinedLoadAndQueriesAcrossTheInverseSide() {
        seed();
        try (Session s = sessions.openSession()) {
            List<Person> people = s.query(Person.class).options(joinedLoad(Person_.passport)).orderBy(Person_.name.asc()).all();
            assertEquals(1, count("SELECT"), statements.toString());
            assertEquals("A1", people.get(0).getPassport().getNumber());
            assertNull(people.get(2).getPassport());
            assertSame(people.get(1), people.get(1).getPassport().getHolder());
            statements.clear();
            assertEquals(List.of("bob"), s.query(Person.class).filter(Person_.passport.has(Passport_.number.eq("B1")))
                    .all().stream().map(Person::getName).toList());
            assertEquals(List.of("ann"), s.query(Person.class).join(Person_.passport).filter(Passport_.number.eq("A1"))
                    .all().stream().map(Person::getName).toList());
            assertEquals(2, count("SELECT"), "the people are in the session: " + statements);
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> Person_.passport.any());
            assertTrue(e.getMessage().contains("use has(...)"), e.getMessage());
        }
    }

    @Test
    void movingThePassportShowsOnBothInverseSidesAtFlush() {
        seed();
        try (Session s = sessions.openSession()) {
            List<Person> people = s.query(Person.class).orderBy(Person_.name.asc()).all();
            Person ann = people.get(0), cy = people.get(2);
            Passport a1 = ann.getPassport();
            a1.setHolder(cy);
            statements.clear();
            s.flush();
            assertEquals(1, count("UPDATE"), statements.toString());
            assertNull(ann.getPassport());
            assertSame(a1, cy.getPassport());
            s.commit();
        }
        try (Session s = sessions.openSession()) {
            assertEquals("A1", s.query(Person.class).filterBy("name", "cy").one().getPassport().getNumber());
            assertNull(s.query(Person.class).filterBy("name", "ann").one().getPassport());
        }
    }

    @Test
    void theOwningSideDecidesForPersistentObjects() {
        seed();
        try (Session s = sessions.openSession()) {
            Person ann = s.query(Person.class).filterBy("name", "ann").one(), cy = s.query(Person.class).filterBy("name", "cy").one();
            Passport a1 = ann.getPassport();
            a1.setHolder(null); // unlinked on the owning side, while ann.passport still holds it
            statements.clear();
            s.flush();
            assertEquals(1, count("UPDATE"), statements.toString());
            assertNull(ann.getPassport(), "the inverse field follows the owning side");
            cy.setPassport(a1); // a persistent passport through the inverse side only: not written
            s.commit();
            assertNull(a1.getHolder());
            assertNull(cy.getPassport());
        }
        try (Session s = sessions.openSession()) {
            assertNull(s.query(Passport.class).filterBy("number", "A1").one().getHolder());
        }
    }

    @Test
    void deletingThePersonDeletesThePassport() {
        seed();
        try (Session s = sessions.openSession()) {
            s.delete(s.query(Person.class).filterBy("name", "ann").one());
            statements.clear();
            s.commit();
            assertEquals(2, count("DELETE"), "the passport, then the person: " + statements);
            assertTrue(statements.get(0).toLowerCase(Locale.ROOT).contains("one_passport"), statements.toString());
        }
        try (Session s = sessions.openSession()) {
            assertEquals(List.of("B1"), s.query(Passport.class).all().stream().map(Passport::getNumber).toList());
        }
    }

    @Test
    void mappedByMustNameAnOwningOneToOneBack() {
        MappingException e = assertThrows(MappingException.class,
                () -> Registry.of(Person.class, Passport.class, org.athanor.orm.unprocessed.Shadow.class));
        assertTrue(e.getMessage().startsWith("org.athanor.orm.unprocessed.Shadow.passport: @OneToOne(mappedBy = \"holder\") must name "
                + "an owning @OneToOne of Passport referencing Shadow"), e.getMessage());
    }
}
