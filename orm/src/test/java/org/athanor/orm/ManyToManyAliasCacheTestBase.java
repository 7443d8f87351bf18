package org.athanor.orm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.athanor.core.engine.Engine;
import org.athanor.core.schema.Table;
import org.athanor.orm.model.m2m.Course;
import org.athanor.orm.model.m2m.Person;
import org.athanor.orm.model.m2m.Person_;
import org.athanor.orm.model.m2m.Student;
import org.athanor.orm.model.m2m.Course_;
import org.athanor.orm.model.m2m.Student_;
import org.junit.jupiter.api.Test;

/**
 * {@code any(alias, ...)} (owning and inverse side), an unaliased {@code any()} of a self many-to-many and aliased joins through a many-to-many's secondary table, built anew for every query (a
 * fresh alias of the target, so a fresh alias of the secondary table), compile once: the second run is served by the
 * statement cache, whose size stays put however many times the query is built.
 */
public abstract class ManyToManyAliasCacheTestBase extends MappedTestBase {
    @Override
    Registry registry() {
        return ManyToManyAliasTestBase.REGISTRY;
    }

    private List<Object> queries(String title) {
        try (Session s = sessions.openSession()) {
            Table c = Course_.TABLE.as("c");
            List<String> taking = s.query(Student.class).filter(Student_.courses.any(c, c.corresponding(Course_.title).eq(title)))
                    .orderBy(Student_.name.asc()).all().stream().map(Student::getName).toList();
            Table c2 = Course_.TABLE.as("c2");
            List<String> joined = s.query(Student.class).join(Student_.courses, c2).filter(c2.corresponding(Course_.title).eq(title))
                    .orderBy(Student_.name.asc()).all().stream().map(Student::getName).toList();
            Table fd = Person_.TABLE.as("followed");
            List<String> following = s.query(Person.class).filter(Person_.following.any(fd, fd.corresponding(Person_.name).eq("bob")))
                    .all().stream().map(Person::getName).toList();
            Table st = Student_.TABLE.as("st");
            List<String> takenBy = s.query(Course.class).filter(Course_.students.any(st, st.corresponding(Student_.name).eq("bob")))
                    .all().stream().map(Course::getTitle).toList();
            List<String> followed = s.query(Person.class).filter(Person_.followers.any()).all().stream().map(Person::getName).toList();
            return List.of(taking, joined, following, takenBy, followed);
        }
    }

    @Test
    void anyAndJoinsThroughANamedAliasHitTheStatementCache() {
        try (Session s = sessions.openSession()) {
            Course art = new Course("art"), math = new Course("math");
            Student ann = new Student("ann"), bob = new Student("bob");
            ann.getCourses().add(art);
            ann.getCourses().add(math);
            bob.getCourses().add(math);
            Person pa = new Person("ann"), pb = new Person("bob");
            pa.getFollowing().add(pb);
            s.addAll(List.of(ann, bob, pa));
            s.commit();
        }
        assertEquals(List.of(List.of("ann"), List.of("ann"), List.of("ann"), List.of("math"), List.of("bob")), queries("art"));
        Engine.CacheStats before = engine.cacheStats();
        long misses = before.misses(), hits = before.hits();
        statements.clear();
        for (int i = 0; i < 5; i++)
            assertEquals(List.of(List.of("ann", "bob"), List.of("ann", "bob"), List.of("ann"), List.of("math"), List.of("bob")), queries("math"));
        assertEquals(misses, engine.cacheStats().misses(), "the later runs compile nothing: " + statements);
        assertEquals(hits + statements.size(), engine.cacheStats().hits(), "every statement of them comes from the cache: " + statements);
        assertEquals(before.size(), engine.cacheStats().size(), "the cache does not grow");
    }
}
