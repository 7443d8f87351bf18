package org.athanor.orm;

import static org.athanor.core.sql.Sql.deleteFrom;
import static org.athanor.core.sql.Sql.select;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AfterContainer;
import org.athanor.core.schema.Table;
import org.athanor.orm.mapping.ClassMapping;
import org.athanor.orm.mapping.Secondary;
import org.athanor.orm.model.m2m.Course;
import org.athanor.orm.model.m2m.Student;

/**
 * A jqwik property over many-to-many links (Student.courses owning, Course.students mappedBy): random
 * sequences of link and unlink from either side, delete a student or a course, flush, commit and rollback, run on
 * a real Session beside an in-memory model (a set of "student:course" pairs and the live objects). After every
 * action each live object's collection holds exactly the model's pairs (loading it if needed; an object deleted
 * since the last flush may still show in a loaded collection until the flush, as documented); after every
 * commit the secondary table holds exactly the committed pairs; a rollback brings back the committed ones.
 */
public abstract class ManyToManyPropertiesBase {
    private static final Map<Class<?>, TestDb> DATABASES = new HashMap<>();
    static final Secondary ENROLLED = ClassMapping.of(Student.class).toMany("courses").secondary();
    static final String[] STUDENTS = {"s0", "s1", "s2"}, COURSES = {"c0", "c1", "c2"};

    protected abstract TestDb openDatabase();

    private synchronized TestDb db() {
        return DATABASES.computeIfAbsent(getClass(), c -> {
            TestDb db = openDatabase();
            ManyToManyTestBase.REGISTRY.metadata().createAll(db.engine());
            return db;
        });
    }

    @AfterContainer
    static synchronized void closeDatabases() {
        DATABASES.values().forEach(TestDb::close);
        DATABASES.clear();
    }

    @Property(tries = 100)
    void linksAgreeWithTheModel(@ForAll @Size(max = 40) List<@IntRange(min = 0, max = 100_000) Integer> actions) {
        TestDb db = db();
        TestDb.tx(db.engine(), c -> {
            List<Table> tables = ManyToManyTestBase.REGISTRY.metadata().sortedTables();
            for (int i = tables.size() - 1; i >= 0; i--) c.execute(deleteFrom(tables.get(i)));
        });
        SessionFactory sessions = SessionFactory.of(db.engine(), ManyToManyTestBase.REGISTRY);
        try (Session s = sessions.openSession()) {
            Student[] students = new Student[3];
            Course[] courses = new Course[3];
            for (int i = 0; i < 3; i++) {
                s.add(students[i] = new Student(STUDENTS[i]));
                s.add(courses[i] = new Course(COURSES[i]));
            }
            s.commit();
            Set<String> pairs = new TreeSet<>(), committed = new TreeSet<>();
            Set<Object> alive = new HashSet<>(List.of(students)), aliveCommitted = new HashSet<>(alive);
            alive.addAll(List.of(courses));
            aliveCommitted.addAll(List.of(courses));
            List<String> done = new ArrayList<>();
            // deleted since the last flush: a loaded collection still shows them until the flush takes them out
            Set<Object> unflushedDeletes = new HashSet<>();
            for (int a : actions) {
                int op = a % 8, si = a / 8 % 3, ci = a / 24 % 3;
                boolean inverse = a / 72 % 2 == 1;
                Student st = students[si];
                Course co = courses[ci];
                String pair = STUDENTS[si] + ":" + COURSES[ci];
                boolean live = alive.contains(st) && alive.contains(co);
                switch (op) {
                    case 0, 1 -> {
                        if (!live || pairs.contains(pair)) continue;
                        done.add("link " + pair + (inverse ? " (inverse)" : ""));
                        if (inverse) co.getStudents().add(st); else st.getCourses().add(co);
                        pairs.add(pair);
                    }
                    case 2, 3 -> {
                        if (!live || !pairs.contains(pair)) continue;
                        done.add("unlink " + pair + (inverse ? " (inverse)" : ""));
                        if (inverse) co.getStudents().remove(st); else st.getCourses().remove(co);
                        pairs.remove(pair);
                    }
                    case 4 -> {
                        done.add("flush");
                        s.flush();
                        unflushedDeletes.clear();
                    }
                    case 5 -> {
                        done.add("commit");
                        s.commit();
                        unflushedDeletes.clear();
                        committed = new TreeSet<>(pairs);
                        aliveCommitted = new HashSet<>(alive);
                        assertRows(db, committed, done);
                    }
                    case 6 -> {
                        done.add("rollback");
                        s.rollback();
                        unflushedDeletes.clear();
                        pairs = new TreeSet<>(committed);
                        alive = new HashSet<>(aliveCommitted);
                    }
                    default -> {
                        Object victim = inverse ? co : st;
                        if (!alive.contains(victim)) continue;
                        String name = inverse ? COURSES[ci] : STUDENTS[si];
                        done.add("delete " + name);
                        s.delete(victim);
                        alive.remove(victim);
                        unflushedDeletes.add(victim);
                        pairs.removeIf(p -> inverse ? p.endsWith(":" + name) : p.startsWith(name + ":"));
                    }
                }
                for (int i = 0; i < 3; i++) {
                    if (alive.contains(students[i])) {
                        Set<String> got = new TreeSet<>();
                        for (Course c : students[i].getCourses()) if (!unflushedDeletes.contains(c)) got.add(STUDENTS[i] + ":" + c.getTitle());
                        Set<String> want = new TreeSet<>();
                        for (String p : pairs) if (p.startsWith(STUDENTS[i] + ":")) want.add(p);
                        if (!got.equals(want)) throw new AssertionError(STUDENTS[i] + ".courses " + got + ", model " + want + " after " + done);
                    }
                    if (alive.contains(courses[i])) {
                        Set<String> got = new TreeSet<>();
                        for (Student x : courses[i].getStudents()) if (!unflushedDeletes.contains(x)) got.add(x.getName() + ":" + COURSES[i]);
                        Set<String> want = new TreeSet<>();
                        for (String p : pairs) if (p.endsWith(":" + COURSES[i])) want.add(p);
                        if (!got.equals(want)) throw new AssertionError(COURSES[i] + ".students " + got + ", model " + want + " after " + done);
                    }
                }
            }
            s.commit();
            assertRows(db, pairs, done);
        }
    }

    private static void assertRows(TestDb db, Set<String> want, List<String> done) {
        Map<Object, String> students = new HashMap<>(), courses = new HashMap<>();
        TestDb.tx(db.engine(), c -> {
            for (var r : c.execute(select(ClassMapping.of(Student.class).idAttributes().get(0).column(),
                    ClassMapping.of(Student.class).attribute("name").column()).from(ClassMapping.of(Student.class).table())).all())
                students.put(((Number) r._1).longValue(), (String) r._2);
            for (var r : c.execute(select(ClassMapping.of(Course.class).idAttributes().get(0).column(),
                    ClassMapping.of(Course.class).attribute("title").column()).from(ClassMapping.of(Course.class).table())).all())
                courses.put(((Number) r._1).longValue(), (String) r._2);
        });
        Set<String> got = new TreeSet<>();
        TestDb.tx(db.engine(), c -> {
            for (var r : c.execute(select(ENROLLED.local(), ENROLLED.remote()).from(ENROLLED.table())).all())
                got.add(students.get(((Number) r._1).longValue()) + ":" + courses.get(((Number) r._2).longValue()));
        });
        if (!got.equals(want)) throw new AssertionError("rows " + got + ", model " + want + " after " + done);
    }
}
