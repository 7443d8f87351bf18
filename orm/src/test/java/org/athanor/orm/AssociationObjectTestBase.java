package org.athanor.orm;

import static org.athanor.orm.Loaders.joinedLoad;
import static org.athanor.orm.Loaders.selectinLoad;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.athanor.core.error.IntegrityError;
import org.athanor.orm.model.assoc.Course;
import org.athanor.orm.model.assoc.Course_;
import org.athanor.orm.model.assoc.Enrollment;
import org.athanor.orm.model.assoc.Enrollment_;
import org.athanor.orm.model.assoc.Student;
import org.athanor.orm.model.assoc.Student_;
import org.junit.jupiter.api.Test;

/**
 * An association object (Student 1..* Enrollment *..1 Course, with a grade on Enrollment): written parents
 * first, the pair UNIQUE, read through both sides with chained loaders, with exact statement counts.
 */
public abstract class AssociationObjectTestBase extends MappedTestBase {
    static final Registry REGISTRY = Registry.of(Student.class, Course.class, Enrollment.class);

    @Override
    Registry registry() {
        return REGISTRY;
    }

    @Test
    void enrollmentsCarryTheGradeAndLoadThroughBothSides() {
        try (Session s = sessions.openSession()) {
            Course math = new Course("math"), art = new Course("art");
            Student ann = new Student("ann"), bob = new Student("bob");
            ann.enroll(math).setGrade(90);
            ann.enroll(art).setGrade(70);
            bob.enroll(math).setGrade(80);
            s.addAll(List.of(ann, bob));
            s.commit();
            assertEquals(3, count("INSERT"), "students, courses, enrollments: " + statements);
        }
        statements.clear();
        try (Session s = sessions.openSession()) {
            List<Student> students = s.query(Student.class)
                    .options(selectinLoad(Student_.enrollments).then(selectinLoad(Enrollment_.course)))
                    .orderBy(Student_.name.asc()).all();
            assertEquals(3, count("SELECT"), "students; enrollments IN; courses IN: " + statements);
            assertEquals(List.of("math:90", "art:70"), students.get(0).getEnrollments().stream()
                    .map(e -> e.getCourse().getTitle() + ":" + e.getGrade()).toList());
            assertEquals(3, count("SELECT"), statements.toString());
        }
        statements.clear();
        try (Session s = sessions.openSession()) {
            Course math = s.query(Course.class).filterBy("title", "math")
                    .options(joinedLoad(Course_.enrollments).then(joinedLoad(Enrollment_.student))).one();
            assertEquals(1, count("SELECT"), statements.toString());
            assertEquals(List.of("ann:90", "bob:80"), math.getEnrollments().stream()
                    .map(e -> e.getStudent().getName() + ":" + e.getGrade()).toList(), "@OrderBy(grade DESC)");
            assertEquals(List.of("ann"), s.query(Student.class)
                    .filter(Student_.enrollments.any(Enrollment_.grade.ge(85))).all().stream().map(Student::getName).toList());
        }
    }

    @Test
    void thePairIsUniqueAndOrphansAreDeleted() {
        Long annId;
        try (Session s = sessions.openSession()) {
            Course math = new Course("math");
            Student ann = new Student("ann");
            ann.enroll(math);
            s.add(ann);
            s.commit();
            annId = ann.getId();
            ann.enroll(math);
            assertThrows(IntegrityError.class, s::commit);
            s.rollback();
        }
        try (Session s = sessions.openSession()) {
            Student ann = s.get(Student.class, annId);
            assertEquals(1, ann.getEnrollments().size());
            ann.getEnrollments().clear();
            statements.clear();
            s.commit();
            assertEquals(1, count("DELETE"), "the orphaned enrollment: " + statements);
            assertEquals(0, s.query(Enrollment.class).count());
        }
    }
}
