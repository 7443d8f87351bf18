package org.athanor.examples.relationships;

import static org.athanor.orm.Loaders.joinedLoad;
import static org.athanor.orm.Loaders.selectinLoad;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.athanor.core.engine.Engine;
import org.athanor.core.engine.StatementListener;
import org.athanor.orm.Registry;
import org.athanor.orm.Session;
import org.athanor.orm.SessionFactory;

/**
 * The relationships walkthrough's many-to-many step: students and courses linked through the secondary
 * table {@code enrollment} (SQLAlchemy's {@code secondary}), written from either side, loaded lazily (one
 * select for a whole result), with selectinLoad and joinedLoad, and queried across the relationship.
 */
final class ManyToManyTutorial {
    private ManyToManyTutorial() {}

    static void run(Engine engine) {
        section("many-to-many: Student *..* Course through the secondary table enrollment (Student_.courses, Course_.students)");
        Registry registry = Registry.of(Student.class, Course.class);
        registry.metadata().createAll(engine); // student, course, and enrollment(student_id, course_id) with two foreign keys
        SessionFactory sessions = SessionFactory.of(engine, registry);
        AtomicInteger statements = new AtomicInteger();
        StatementListener counter = sql -> statements.incrementAndGet();
        engine.addStatementListener(counter);
        try {
            try (Session s = sessions.openSession()) {
                Student ann = new Student("ann"), bob = new Student("bob");
                Course math = new Course("math"), art = new Course("art");
                ann.getCourses().addAll(List.of(math, art));
                s.addAll(List.of(ann, bob)); // the courses come with ann (save-update cascade)
                math.getStudents().add(bob); // from the other side: bob.courses shows math at once
                say("bob's courses before the flush: " + titles(bob.getCourses()));
                statements.set(0);
                s.commit();
                say("commit: " + statements.get() + " statements (students, courses, then the enrollment rows with both generated keys)");
            }
            try (Session s = sessions.openSession()) {
                statements.set(0);
                List<Student> students = s.query(Student.class).orderBy(Student_.name).all();
                for (Student st : students) say(st + " takes " + titles(st.getCourses()));
                say(statements.get() + " statements for " + students.size() + " students (students; all their courses in one select)");
                Student ann = students.get(0);
                Course art = ann.getCourses().get(0);
                say("art's students: " + names(art.getStudents()) + " (one select for the students of every course loaded above)");
                ann.getCourses().remove(art);
                say("ann dropped art: art's students now " + names(art.getStudents()) + " (no SQL: the loaded side follows at once)");
                statements.set(0);
                s.commit();
                say("commit: " + statements.get() + " statement (one enrollment row deleted)");
            }
            try (Session s = sessions.openSession()) {
                statements.set(0);
                List<Course> courses = s.query(Course.class).orderBy(Course_.title).options(selectinLoad(Course_.students)).all();
                for (Course c : courses) say(c + ": " + names(c.getStudents()));
                say("selectinLoad: " + statements.get() + " statements");
                statements.set(0);
                s.expungeAll();
                List<Student> students = s.query(Student.class).orderBy(Student_.name).options(joinedLoad(Student_.courses)).all();
                say("joinedLoad: " + students + " taking " + students.stream().map(st -> titles(st.getCourses())).toList() + " in "
                        + statements.get() + " statement (two LEFT OUTER JOINs)");
                statements.set(0);
                List<Student> inMath = s.query(Student.class).join(Student_.courses).filter(Course_.title.eq("math"))
                        .orderBy(Student_.name).all();
                say("students taking math (a join through enrollment): " + inMath + ", " + statements.get() + " statement");
                if (inMath.size() != 2 || courses.get(0).getStudents().size() != 0)
                    throw new IllegalStateException("expected ann and bob in math and nobody in art, got " + inMath + " and " + courses);
            }
        } finally {
            engine.removeStatementListener(counter);
        }
    }

    private static List<String> titles(List<Course> courses) { return courses.stream().map(Course::getTitle).toList(); }

    private static List<String> names(List<Student> students) { return students.stream().map(Student::getName).toList(); }

    private static void section(String title) { System.out.println("\n== " + title); }

    private static void say(String line) { System.out.println("   " + line); }
}
