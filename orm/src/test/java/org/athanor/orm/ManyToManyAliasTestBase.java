package org.athanor.orm;

import static org.athanor.orm.Loaders.containsEager;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collection;
import java.util.List;
import org.athanor.core.schema.Table;
import org.athanor.core.sql.Sql;
import org.athanor.orm.model.m2m.Course;
import org.athanor.orm.model.m2m.Course_;
import org.athanor.orm.model.m2m.Person;
import org.athanor.orm.model.m2m.Person_;
import org.athanor.orm.model.m2m.Student;
import org.athanor.orm.model.m2m.Student_;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Aliased joins and {@code any(alias, ...)} through a many-to-many's secondary table: the same relationship
 * joined twice (students taking both art and math) and a many-to-many of an entity to itself
 * (Person.following / Person.followers), with the SQL checked to read an alias of the secondary table.
 */
public abstract class ManyToManyAliasTestBase extends MappedTestBase {
    static final Registry REGISTRY = Registry.of(Student.class, Course.class, Person.class);

    @Override
    Registry registry() {
        return REGISTRY;
    }

    /** ann: art, math; bob: math; carl: art. ann follows bob and carl; bob follows carl; carl follows nobody. */
    @BeforeEach
    void fill() {
        try (Session s = sessions.openSession()) {
            Course art = new Course("art"), math = new Course("math");
            Student ann = new Student("ann"), bob = new Student("bob"), carl = new Student("carl");
            ann.getCourses().add(art);
            ann.getCourses().add(math);
            bob.getCourses().add(math);
            carl.getCourses().add(art);
            Person pa = new Person("ann"), pb = new Person("bob"), pc = new Person("carl");
            pa.getFollowing().add(pb);
            pa.getFollowing().add(pc);
            pb.getFollowing().add(pc);
            s.addAll(List.of(ann, bob, carl, pa));
            s.commit();
        }
        statements.clear();
    }

    static List<String> names(Collection<Student> ss) { return ss.stream().map(Student::getName).toList(); }

    static List<String> people(Collection<Person> ps) { return ps.stream().map(Person::getName).toList(); }

    @Test
    void theSameManyToManyJoinedTwiceThroughTwoAliases() {
        Table c1 = Course_.TABLE.as("c1"), c2 = Course_.TABLE.as("c2");
        try (Session s = sessions.openSession()) {
            List<Student> both = s.query(Student.class).join(Student_.courses, c1).join(Student_.courses, c2)
                    .filter(c1.corresponding(Course_.title).eq("art")).filter(c2.corresponding(Course_.title).eq("math")).all();
            assertEquals(List.of("ann"), names(both));
            String sql = statements.get(0);
            assertTrue(sql.contains("m2m_student_course AS c1_m2m_student_course") && sql.contains("m2m_student_course AS c2_m2m_student_course"),
                    "each alias of the target joins its own alias of the secondary table: " + sql);
            assertEquals(1, count("SELECT"));
            List<Student> all = s.query(Student.class).outerJoin(Student_.courses, c1)
                    .filter(Sql.or(c1.corresponding(Course_.title).eq("math"), c1.corresponding(Course_.id).isNull()))
                    .orderBy(Student_.name.asc()).all();
            assertEquals(List.of("ann", "bob"), names(all));
            assertTrue(statements.get(1).toUpperCase(java.util.Locale.ROOT).contains("LEFT OUTER JOIN M2M_STUDENT_COURSE AS C1_M2M_STUDENT_COURSE"),
                    statements.get(1));
        }
    }

    @Test
    void anyThroughAnAlias() {
        Table c = Course_.TABLE.as("c");
        try (Session s = sessions.openSession()) {
            List<Student> art = s.query(Student.class).filter(Student_.courses.any(c, c.corresponding(Course_.title).eq("art")))
                    .orderBy(Student_.name.asc()).all();
            assertEquals(List.of("ann", "carl"), names(art));
            assertTrue(statements.get(0).contains("m2m_student_course AS c_m2m_student_course"), statements.get(0));
            // the query itself also reads the secondary table: the EXISTS reads its own alias of it
            List<Student> artAndMath = s.query(Student.class).join(Student_.courses).filter(Course_.title.eq("math"))
                    .filter(Student_.courses.any(c, c.corresponding(Course_.title).eq("art"))).all();
            assertEquals(List.of("ann"), names(artAndMath));
        }
    }

    @Test
    void aManyToManyOfAnEntityToItself() {
        Table followed = Person_.TABLE.as("followed"), follower = Person_.TABLE.as("follower");
        try (Session s = sessions.openSession()) {
            List<Person> followersOfCarl = s.query(Person.class).join(Person_.following, followed)
                    .filter(followed.corresponding(Person_.name).eq("carl")).orderBy(Person_.name.asc()).all();
            assertEquals(List.of("ann", "bob"), people(followersOfCarl));
            List<Person> followedByAnn = s.query(Person.class).join(Person_.followers, follower)
                    .filter(follower.corresponding(Person_.name).eq("ann")).orderBy(Person_.name.asc()).all();
            assertEquals(List.of("bob", "carl"), people(followedByAnn));
            List<Person> followBob = s.query(Person.class)
                    .filter(Person_.following.any(followed, followed.corresponding(Person_.name).eq("bob"))).all();
            assertEquals(List.of("ann"), people(followBob));
            List<Person> nobody = s.query(Person.class).filter(Sql.not(Person_.followers.any(follower))).all();
            assertEquals(List.of("ann"), people(nobody), "nobody follows ann");
        }
    }

    @Test
    void joinedLoadsBelowASelectinLoadedSelfManyToMany() {
        try (Session s = sessions.openSession()) {
            List<Person> people = s.query(Person.class).orderBy(Person_.name.asc()).options(Loaders.selectinLoad(Person_.following)
                    .then(Loaders.joinedLoad(Person_.followers).then(Loaders.joinedLoad(Person_.following)))).all();
            assertEquals(2, count("SELECT"), statements.toString());
            Person ann = people.get(0), bob = people.get(1), carl = people.get(2);
            assertEquals(List.of("bob", "carl"), people(ann.getFollowing()));
            assertEquals(List.of("carl"), people(bob.getFollowing()));
            assertEquals(List.of(), people(carl.getFollowing()));
            assertEquals(List.of("ann", "bob"), people(carl.getFollowers()), "joined below the selectin load");
            assertEquals(List.of("ann"), people(bob.getFollowers()));
            assertEquals(List.of("carl"), people(bob.getFollowers().iterator().next().getFollowing()).subList(1, 2),
                    "two levels down: ann follows bob and carl");
            assertEquals(2, count("SELECT"), "nothing more on access: " + statements);
        }
    }

    @Test
    void containsEagerFromAnAliasedJoin() {
        Table c = Course_.TABLE.as("c");
        try (Session s = sessions.openSession()) {
            List<Student> students = s.query(Student.class).join(Student_.courses, c).filter(c.corresponding(Course_.title).eq("art"))
                    .orderBy(Student_.name.asc()).options(containsEager(Student_.courses, c)).all();
            assertEquals(List.of("ann", "carl"), names(students));
            assertEquals(List.of("art"), students.get(0).getCourses().stream().map(Course::getTitle).toList(), "only the joined rows");
            assertEquals(1, count("SELECT"), statements.toString());
        }
    }

    @Test
    void theUnaliasedJoinOfASelfManyToManyIsRefusedNamingTheAliasedCall() {
        try (Session s = sessions.openSession()) {
            IllegalStateException join = assertThrows(IllegalStateException.class, () -> s.query(Person.class).join(Person_.following));
            assertTrue(join.getMessage().contains("relates Person to itself") && join.getMessage().contains("query.join(Person_.following, other)"),
                    join.getMessage());
            IllegalStateException viaTable = assertThrows(IllegalStateException.class, () -> Person_.following.any(Person_.TABLE));
            assertTrue(viaTable.getMessage().contains("relates Person to itself"), viaTable.getMessage());
            IllegalArgumentException wrong = assertThrows(IllegalArgumentException.class,
                    () -> s.query(Student.class).join(Student_.courses, Student_.TABLE.as("x")));
            assertTrue(wrong.getMessage().contains("must be m2m_course or an alias of it"), wrong.getMessage());
        }
        assertEquals(0, statements.size());
    }
}
