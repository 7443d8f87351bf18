package org.athanor.orm;

import static org.athanor.core.sql.Sql.select;
import static org.athanor.orm.Loaders.joinedLoad;
import static org.athanor.orm.Loaders.noLoad;
import static org.athanor.orm.Loaders.raiseLoad;
import static org.athanor.orm.Loaders.selectinLoad;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.athanor.core.schema.Table;
import org.athanor.core.sql.Sql;
import org.athanor.orm.mapping.ClassMapping;
import org.athanor.orm.mapping.Secondary;
import org.athanor.orm.model.m2m.Course;
import org.athanor.orm.model.m2m.Course_;
import org.athanor.orm.model.m2m.Item;
import org.athanor.orm.model.m2m.Label;
import org.athanor.orm.model.m2m.Student;
import org.athanor.orm.model.m2m.Student_;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code @ManyToMany} with a secondary table (Student.courses owning with @JoinTable, Course.students
 * mappedBy; Item.labels unidirectional with JPA's default names): DDL, flush order with generated keys,
 * link/unlink/move from either side, deletes of either end, every loader with exact statement counts,
 * joins, any, withParent and back-population.
 */
public abstract class ManyToManyTestBase extends MappedTestBase {
    static final Registry REGISTRY = Registry.of(Student.class, Course.class, Item.class, Label.class);
    static final Secondary ENROLLED = ClassMapping.of(Student.class).toMany("courses").secondary();
    Map<String, Long> ids;

    @Override
    Registry registry() {
        return REGISTRY;
    }

    /** ann: art, math; bob: math; carl: none; courses art, math, music (no students). */
    @BeforeEach
    void fill() {
        try (Session s = sessions.openSession()) {
            Course art = new Course("art"), math = new Course("math"), music = new Course("music");
            Student ann = new Student("ann"), bob = new Student("bob"), carl = new Student("carl");
            ann.getCourses().add(math);
            ann.getCourses().add(art);
            bob.getCourses().add(math);
            statements.clear();
            s.addAll(List.of(ann, bob, carl, music));
            s.commit();
            assertEquals(3, count("INSERT"), "students, courses, then the secondary rows: " + statements);
            assertTrue(statements.get(statements.size() - 1).contains("m2m_student_course"), statements.toString());
            ids = Map.of("ann", ann.getId(), "bob", bob.getId(), "carl", carl.getId(),
                    "art", art.getId(), "math", math.getId(), "music", music.getId());
        }
        statements.clear();
    }

    /** The committed secondary rows as "student:course" names. */
    TreeSet<String> links() {
        Map<Long, String> students = new java.util.HashMap<>(), courses = new java.util.HashMap<>();
        List<String> studentNames = List.of("ann", "bob", "carl", "dan");
        ids.forEach((k, v) -> (studentNames.contains(k) ? students : courses).put(v, k));
        TreeSet<String> out = new TreeSet<>();
        TestDb.tx(engine, c -> {
            for (var r : c.execute(select(ENROLLED.local(), ENROLLED.remote()).from(ENROLLED.table())).all())
                out.add(students.get(((Number) r._1).longValue()) + ":" + courses.get(((Number) r._2).longValue()));
        });
        return out;
    }

    static List<String> titles(java.util.Collection<Course> cs) { return cs.stream().map(Course::getTitle).toList(); }

    static List<String> names(java.util.Collection<Student> ss) { return ss.stream().map(Student::getName).toList(); }

    @Test
    void theSecondaryTableIsPartOfTheMetadata() {
        Table t = ENROLLED.table();
        assertEquals("m2m_student_course", t.name());
        assertTrue(REGISTRY.metadata().sortedTables().contains(t));
        assertEquals(List.of("student_id", "course_id"), t.primaryKeyColumns().stream().map(c -> c.name()).toList());
        assertEquals(2, t.foreignKeys().size());
        Secondary labels = ClassMapping.of(Item.class).toMany("labels").secondary();
        assertEquals("m2m_item_m2m_label", labels.table().name(), "JPA's default: <owner table>_<target table>");
        assertEquals("item_id", labels.local().name(), "no inverse field: <entity>_<key column>");
        assertEquals("labels_id", labels.remote().name(), "<field>_<key column>");
        assertEquals(new TreeSet<>(List.of("ann:art", "ann:math", "bob:math")), links());
    }

    @Test
    void lazyCollectionsLoadOncePerResultFromEitherSide() {
        try (Session s = sessions.openSession()) {
            List<Student> students = s.query(Student.class).orderBy(Student_.name.asc()).all();
            assertEquals(1, count("SELECT"));
            assertEquals(List.of("art", "math"), titles(students.get(0).getCourses()), "@OrderBy(\"title\")");
            assertEquals(2, count("SELECT"), "one select for the three students' courses");
            assertEquals(List.of("math"), titles(students.get(1).getCourses()));
            assertEquals(List.of(), titles(students.get(2).getCourses()));
            Course math = students.get(1).getCourses().get(0);
            assertSame(math, students.get(0).getCourses().get(1), "one object per row");
            assertEquals(List.of("bob", "ann"), names(math.getStudents()), "@OrderBy(\"name DESC\") on the inverse side");
            assertEquals(3, count("SELECT"), "one select for the courses' students");
            assertEquals(List.of("ann"), names(students.get(0).getCourses().get(0).getStudents()));
            assertEquals(3, count("SELECT"));
        }
    }

    @Test
    void selectinLoadIsOneSelectPerLevel() {
        try (Session s = sessions.openSession()) {
            List<Student> students = s.query(Student.class).orderBy(Student_.name.asc())
                    .options(selectinLoad(Student_.courses).then(selectinLoad(Course_.students))).all();
            assertEquals(3, count("SELECT"), statements.toString());
            assertEquals(List.of("art", "math"), titles(students.get(0).getCourses()));
            assertEquals(List.of("bob", "ann"), names(students.get(0).getCourses().get(1).getStudents()));
            assertEquals(3, count("SELECT"));
        }
    }

    @Test
    void joinedLoadIsOneStatementWithTwoOuterJoins() {
        try (Session s = sessions.openSession()) {
            List<Student> students = s.query(Student.class).orderBy(Student_.name.asc()).options(joinedLoad(Student_.courses)).all();
            assertEquals(1, count("SELECT"));
            assertEquals(2, statements.get(0).toUpperCase(Locale.ROOT).split("LEFT OUTER JOIN").length - 1, statements.get(0));
            assertEquals(List.of("ann", "bob", "carl"), names(students), "parents de-duplicated");
            assertEquals(List.of("art", "math"), titles(students.get(0).getCourses()));
            assertEquals(List.of("math"), titles(students.get(1).getCourses()));
            assertEquals(List.of(), titles(students.get(2).getCourses()));
            assertEquals(1, count("SELECT"));
        }
        statements.clear();
        try (Session s = sessions.openSession()) {
            Student first = s.query(Student.class).orderBy(Student_.name.asc()).options(joinedLoad(Student_.courses)).first();
            assertEquals(1, count("SELECT"), "the limit counts students (a subquery)");
            assertEquals(List.of("art", "math"), titles(first.getCourses()));
            List<Course> courses = s.query(Course.class).orderBy(Course_.title.asc()).options(joinedLoad(Course_.students)).all();
            assertEquals(2, count("SELECT"));
            assertEquals(List.of("bob", "ann"), names(courses.get(1).getStudents()));
            assertEquals(List.of(), names(courses.get(2).getStudents()));
            assertEquals(2, count("SELECT"));
        }
    }

    @Test
    void containsEagerFillsTheCollectionFromTheQuerysJoin() {
        try (Session s = sessions.openSession()) {
            List<Student> students = s.query(Student.class).join(Student_.courses).filter(Course_.title.eq("math"))
                    .orderBy(Student_.name.asc()).options(Loaders.containsEager(Student_.courses)).all();
            assertEquals(1, count("SELECT"));
            assertEquals(List.of("ann", "bob"), names(students));
            assertEquals(List.of("math"), titles(students.get(0).getCourses()), "only the joined rows");
            assertEquals(1, count("SELECT"));
        }
    }

    @Test
    void aJoinedLoadBelowASelectinOrLazilyLoadedManyToMany() {
        try (Session s = sessions.openSession()) {
            List<Student> students = s.query(Student.class).orderBy(Student_.name.asc())
                    .options(selectinLoad(Student_.courses).then(joinedLoad(Course_.students))).all();
            assertEquals(2, count("SELECT"), "the students; their courses joined to the courses' students: " + statements);
            String load = statements.get(1).toUpperCase(Locale.ROOT);
            assertEquals(2, load.split("LEFT OUTER JOIN").length - 1, load);
            assertTrue(load.contains(engine.dialect().features().supportsAnyArray() ? "M2M_STUDENT_COURSE.STUDENT_ID = ANY(?)"
                    : "M2M_STUDENT_COURSE.STUDENT_ID IN"), load);
            assertEquals(List.of("art", "math"), titles(students.get(0).getCourses()));
            assertEquals(List.of("math"), titles(students.get(1).getCourses()));
            assertEquals(List.of(), titles(students.get(2).getCourses()));
            Course math = students.get(0).getCourses().get(1);
            assertSame(math, students.get(1).getCourses().get(0), "one object per row, once per collection");
            assertEquals(List.of("bob", "ann"), names(math.getStudents()), "@OrderBy(\"name DESC\") of the joined collection");
            assertEquals(List.of("ann"), names(students.get(0).getCourses().get(0).getStudents()));
            assertEquals(2, count("SELECT"), "nothing more on access");
        }
        statements.clear();
        try (Session s = sessions.openSession()) {
            List<Student> students = s.query(Student.class).orderBy(Student_.name.asc())
                    .options(Loaders.lazyLoad(Student_.courses).then(joinedLoad(Course_.students))).all();
            assertEquals(1, count("SELECT"));
            assertEquals(List.of("art", "math"), titles(students.get(0).getCourses()));
            assertEquals(2, count("SELECT"), "the lazy load joins the courses' students: " + statements);
            assertEquals(List.of("bob", "ann"), names(students.get(1).getCourses().get(0).getStudents()));
            assertEquals(2, count("SELECT"));
        }
    }

    @Test
    void raiseLoadAndNoLoad() {
        try (Session s = sessions.openSession()) {
            Student ann = s.query(Student.class).filterBy("name", "ann").options(raiseLoad(Student_.courses)).one();
            assertEquals(1, count("SELECT"));
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> ann.getCourses().size());
            assertTrue(e.getMessage().contains("selectinLoad(Student_.courses)"), e.getMessage());
            assertEquals(1, count("SELECT"));
        }
        statements.clear();
        try (Session s = sessions.openSession()) {
            Student ann = s.query(Student.class).filterBy("name", "ann").options(noLoad(Student_.courses)).one();
            assertEquals(0, ann.getCourses().size());
            assertEquals(1, count("SELECT"));
        }
    }

    @Test
    void linkUnlinkAndMoveFromTheOwningSide() {
        try (Session s = sessions.openSession()) {
            Student ann = s.get(Student.class, ids.get("ann")), bob = s.get(Student.class, ids.get("bob"));
            Course math = s.get(Course.class, ids.get("math")), music = s.get(Course.class, ids.get("music"));
            statements.clear();
            ann.getCourses().remove(math);
            bob.getCourses().add(music); // its lazy load autoflushes ann's unlink first
            s.commit();
            assertEquals(1, count("DELETE"), statements.toString());
            assertEquals(1, count("INSERT"), statements.toString());
        }
        assertEquals(new TreeSet<>(List.of("ann:art", "bob:math", "bob:music")), links());
        try (Session s = sessions.openSession()) {
            Student bob = s.get(Student.class, ids.get("bob")), carl = s.get(Student.class, ids.get("carl"));
            Course music = bob.getCourses().get(1);
            bob.getCourses().remove(music); // moved to carl
            carl.getCourses().add(music);
            bob.getCourses().add(music); // and back: no row written for bob
            bob.getCourses().remove(music);
            bob.getCourses().add(music);
            statements.clear();
            s.commit();
            assertEquals(0, count("DELETE"), statements.toString());
            assertEquals(1, count("INSERT"), statements.toString());
        }
        assertEquals(new TreeSet<>(List.of("ann:art", "bob:math", "bob:music", "carl:music")), links());
    }

    @Test
    void theInverseSideWritesToo() {
        try (Session s = sessions.openSession()) {
            Course music = s.get(Course.class, ids.get("music")), math = s.get(Course.class, ids.get("math"));
            Student carl = s.get(Student.class, ids.get("carl")), ann = s.get(Student.class, ids.get("ann"));
            statements.clear();
            music.getStudents().add(carl);
            math.getStudents().remove(ann);
            s.commit();
            assertEquals(1, count("INSERT"), statements.toString());
            assertEquals(1, count("DELETE"), statements.toString());
        }
        assertEquals(new TreeSet<>(List.of("ann:art", "bob:math", "carl:music")), links());
    }

    @Test
    void bothSidesChangedInMemoryWriteOneRow() {
        try (Session s = sessions.openSession()) {
            Student carl = s.get(Student.class, ids.get("carl"));
            Course music = s.get(Course.class, ids.get("music"));
            carl.getCourses().add(music);
            assertTrue(music.getStudents().contains(carl), "loaded after the add: the row is flushed first (autoflush)");
            music.getStudents().add(carl); // already there: a Set, nothing more
            Course art = s.get(Course.class, ids.get("art"));
            art.getStudents().size();
            carl.getCourses().add(art);
            art.getStudents().add(carl);
            statements.clear();
            s.commit();
            assertEquals(1, count("INSERT"), statements.toString());
        }
        assertEquals(new TreeSet<>(List.of("ann:art", "ann:math", "bob:math", "carl:art", "carl:music")), links());
    }

    @Test
    void backPopulationKeepsLoadedSidesInStep() {
        try (Session s = sessions.openSession()) {
            List<Student> students = s.query(Student.class).orderBy(Student_.name.asc())
                    .options(selectinLoad(Student_.courses).then(selectinLoad(Course_.students))).all();
            Student ann = students.get(0), carl = students.get(2);
            Course math = ann.getCourses().get(1);
            statements.clear();
            ann.getCourses().remove(math);
            assertEquals(List.of("bob"), names(math.getStudents()), "at once, no SQL");
            math.getStudents().add(carl);
            assertEquals(List.of("math"), titles(carl.getCourses()));
            math.getStudents().remove(carl);
            assertEquals(List.of(), titles(carl.getCourses()));
            ann.getCourses().add(math);
            assertTrue(math.getStudents().contains(ann));
            assertEquals(0, statements.size(), statements.toString());
            s.commit();
            assertEquals(0, statements.size(), "every change cancelled out: " + statements);
        }
        assertEquals(new TreeSet<>(List.of("ann:art", "ann:math", "bob:math")), links());
    }

    @Test
    void newObjectsOnBothEndsGetTheirKeysInOneFlush() {
        try (Session s = sessions.openSession()) {
            Course bio = new Course("bio");
            Student dan = new Student("dan");
            bio.getStudents().add(dan); // from the inverse side, both new
            s.add(bio);
            assertTrue(s.contains(dan), "save-update cascade along the collection");
            assertTrue(dan.getCourses().contains(bio), "back-populated when dan joined the session");
            statements.clear();
            s.commit();
            assertEquals(3, count("INSERT"), statements.toString());
            assertTrue(dan.getId() != null && bio.getId() != null);
            Map<String, Long> more = new java.util.HashMap<>(ids);
            more.put("dan", dan.getId());
            more.put("bio", bio.getId());
            ids = more;
        }
        assertTrue(links().contains("dan:bio"), links().toString());
    }

    @Test
    void deletingEitherEndDeletesItsRows() {
        try (Session s = sessions.openSession()) {
            List<Student> students = s.query(Student.class).orderBy(Student_.name.asc()).options(selectinLoad(Student_.courses)).all();
            Student ann = students.get(0), bob = students.get(1);
            s.delete(ann);
            statements.clear();
            s.commit();
            assertEquals(2, count("DELETE"), "the secondary rows (one statement), then the student: " + statements);
            assertTrue(statements.get(0).contains("m2m_student_course"), statements.toString());
            assertEquals(List.of("math"), titles(bob.getCourses()));
        }
        assertEquals(new TreeSet<>(List.of("bob:math")), links());
        try (Session s = sessions.openSession()) {
            Student bob = s.get(Student.class, ids.get("bob"));
            assertEquals(List.of("math"), titles(bob.getCourses()));
            Course math = bob.getCourses().get(0);
            s.delete(math);
            statements.clear();
            s.commit();
            assertEquals(2, count("DELETE"), statements.toString());
            assertEquals(List.of(), titles(bob.getCourses()), "the deleted course left the loaded collection at the flush");
        }
        assertEquals(new TreeSet<>(), links());
    }

    @Test
    void deletingTheTargetOfAUnidirectionalCollection() {
        Label red;
        try (Session s = sessions.openSession()) {
            Item cup = new Item("cup");
            red = new Label("red");
            cup.getLabels().add(red);
            cup.getLabels().add(new Label("big"));
            s.add(cup);
            s.commit();
            Label r = s.get(Label.class, red.getId());
            s.delete(r);
            statements.clear();
            s.commit();
            assertEquals(2, count("DELETE"), statements.toString());
            Item again = s.query(Item.class).one();
            s.refresh(again);
            assertEquals(List.of("big"), again.getLabels().stream().map(Label::getText).toList());
        }
    }

    @Test
    void joinAnyAndWithParent() {
        try (Session s = sessions.openSession()) {
            assertEquals(List.of("ann", "bob"), names(s.query(Student.class).join(Student_.courses)
                    .filter(Course_.title.eq("math")).orderBy(Student_.name.asc()).all()));
            assertEquals(List.of("art", "math"), titles(s.query(Course.class).join(Course_.students)
                    .filter(Student_.name.eq("ann")).orderBy(Course_.title.asc()).all()));
            assertEquals(List.of("ann", "bob", "carl"), names(s.query(Student.class).outerJoin(Student_.courses)
                    .filter(Sql.or(Course_.title.eq("math"), Course_.id.isNull())).orderBy(Student_.name.asc()).all()));
            assertEquals(List.of("ann"), names(s.query(Student.class).filter(Student_.courses.any(Course_.title.eq("art"))).all()));
            assertEquals(List.of("music"), titles(s.query(Course.class).filter(Sql.not(Course_.students.any())).all()));
            Student ann = s.get(Student.class, ids.get("ann"));
            statements.clear();
            assertEquals(List.of("art", "math"), titles(s.query(Course.class).withParent(ann, Student_.courses)
                    .orderBy(Course_.title.asc()).all()));
            Course math = s.get(Course.class, ids.get("math"));
            assertEquals(List.of("ann", "bob"), names(s.query(Student.class).withParent(math, Course_.students)
                    .orderBy(Student_.name.asc()).all()));
            assertEquals(2, count("SELECT"), "no collection loaded: " + statements);
            assertFalse(Student_.courses.isManyToMany() && !Course_.students.isManyToMany());
        }
    }

    @Test
    void anUnloadedCollectionAfterCloseIsADetachedInstanceError() {
        Student ann;
        try (Session s = sessions.openSession()) {
            ann = s.get(Student.class, ids.get("ann"));
        }
        DetachedInstanceError e = assertThrows(DetachedInstanceError.class, () -> ann.getCourses().size());
        assertTrue(e.getMessage().startsWith("Student.courses of Student(ann) is not loaded"), e.getMessage());
    }

    @Test
    void aSavepointRollbackReloadsTheCollectionsItsLinksChanged() {
        try (Session s = sessions.openSession()) {
            Student carl = s.get(Student.class, ids.get("carl"));
            Course art = s.get(Course.class, ids.get("art"));
            assertEquals(List.of(), titles(carl.getCourses()));
            assertEquals(List.of("ann"), names(art.getStudents()));
            SessionSavepoint sp = s.beginNested();
            carl.getCourses().add(art);
            assertEquals(List.of("ann", "carl"), names(art.getStudents()), "back-populated at once");
            sp.rollback();
            assertEquals(List.of(), titles(carl.getCourses()), "reloaded: the link was never written");
            assertEquals(List.of("ann"), names(art.getStudents()));
            statements.clear();
            s.commit();
            assertEquals(0, count("INSERT"), statements.toString());
        }
        assertEquals(new TreeSet<>(List.of("ann:art", "ann:math", "bob:math")), links());
    }

    @Test
    void rollbackDropsUnflushedLinks() {
        try (Session s = sessions.openSession()) {
            Student carl = s.get(Student.class, ids.get("carl"));
            Course art = s.get(Course.class, ids.get("art"));
            carl.getCourses().add(art);
            s.rollback();
            statements.clear();
            s.commit();
            assertEquals(0, count("INSERT"), statements.toString());
        }
        assertEquals(new TreeSet<>(List.of("ann:art", "ann:math", "bob:math")), links());
    }

    @Test
    void anElementExpungedFromAnUntouchedLoadedCollectionIsAddedBackAtTheFlush() {
        try (Session s = sessions.openSession()) {
            Student ann = s.get(Student.class, ids.get("ann"));
            assertEquals(2, ann.getCourses().size());
            s.flush(); // nothing is touched since: the flush that follows syncs the collection only because of the expunge
            Course first = ann.getCourses().get(0);
            s.expunge(first);
            assertFalse(s.contains(first));
            s.flush();
            assertTrue(s.contains(first), "the save-update cascade adds back an element the loaded collection still holds");
            assertTrue(ann.getCourses().contains(first));
            s.commit();
        }
        assertEquals(new TreeSet<>(List.of("ann:art", "ann:math", "bob:math")), links());
    }
}
