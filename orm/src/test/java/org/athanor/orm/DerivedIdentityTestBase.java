package org.athanor.orm;

import static org.athanor.orm.Loaders.joinedLoad;
import static org.athanor.orm.Loaders.selectinLoad;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import org.athanor.core.error.IntegrityError;
import org.athanor.core.schema.Column;
import org.athanor.core.schema.Table;
import org.athanor.orm.mapping.ClassMapping;
import org.athanor.orm.model.keys.KeyCourse;
import org.athanor.orm.model.keys.KeyCourse_;
import org.athanor.orm.model.keys.KeyEnrollment;
import org.athanor.orm.model.keys.KeyEnrollmentId;
import org.athanor.orm.model.keys.KeyEnrollment_;
import org.athanor.orm.model.keys.KeyMembership;
import org.athanor.orm.model.keys.KeyMembershipId;
import org.athanor.orm.model.keys.KeyMembership_;
import org.athanor.orm.model.keys.KeyStudent;
import org.athanor.orm.model.keys.KeyStudent_;
import org.junit.jupiter.api.Test;

/**
 * An association object whose key is the pair it links ({@code @IdClass} with {@code @Id @ManyToOne student, course}):
 * the key columns are the foreign keys, filled at flush from the related objects' keys (generated in the same
 * flush too); identity, loaders, orphan removal and delete over the composite key, with exact statement counts.
 * The same through an {@code @EmbeddedId} whose fields {@code @MapsId} references fill ({@link KeyMembership}).
 */
public abstract class DerivedIdentityTestBase extends MappedTestBase {
    static final Registry REGISTRY = Registry.of(KeyStudent.class, KeyCourse.class, KeyEnrollment.class,
            KeyMembership.class);

    @Override
    Registry registry() {
        return REGISTRY;
    }

    /** ann: math 90, art 70; bob: math 80 — all new, written by one commit. Returns {ann, bob, math, art} ids. */
    Long[] seed() {
        try (Session s = sessions.openSession()) {
            KeyCourse math = new KeyCourse("math"), art = new KeyCourse("art");
            KeyStudent ann = new KeyStudent("ann"), bob = new KeyStudent("bob");
            ann.enroll(math, 90);
            ann.enroll(art, 70);
            bob.enroll(math, 80);
            s.addAll(List.of(ann, bob));
            s.commit();
            return new Long[] {ann.getId(), bob.getId(), math.getId(), art.getId()};
        } finally {
            statements.clear();
        }
    }

    @Test
    void theKeyColumnsAreTheForeignKeysAndThePrimaryKey() {
        Table t = ClassMapping.of(KeyEnrollment.class).table();
        assertEquals(List.of("student_id", "course_id"), t.primaryKeyColumns().stream().map(Column::name).toList());
        assertEquals(2, t.foreignKeys().size(), t.foreignKeys().toString());
        for (Column<?> c : t.primaryKeyColumns()) assertTrue(!c.isNullable(), c + " is part of the primary key");
    }

    @Test
    void oneFlushInsertsBothEndsThenTheAssociationRowsWithTheGeneratedKeys() {
        try (Session s = sessions.openSession()) {
            KeyCourse math = new KeyCourse("math");
            KeyStudent ann = new KeyStudent("ann");
            KeyEnrollment e = ann.enroll(math, 90);
            s.add(ann);
            s.flush();
            assertEquals(3, count("INSERT"), "student, course, enrollment: " + statements);
            statements.clear();
            // the identity map is keyed by the pair: get() finds the object without a statement
            assertSame(e, s.get(KeyEnrollment.class, new KeyEnrollmentId(ann.getId(), math.getId())));
            assertEquals(0, statements.size(), statements.toString());
            s.commit();
        }
        try (Session s = sessions.openSession()) {
            Long annId = s.query(KeyStudent.class).one().getId();
            Long mathId = s.query(KeyCourse.class).one().getId();
            statements.clear();
            KeyEnrollment e = s.get(KeyEnrollment.class, new KeyEnrollmentId(annId, mathId));
            assertNotNull(e);
            assertEquals(1, count("SELECT"), "the row; its student and course are in the session already: " + statements);
            assertEquals(90, e.getGrade());
            assertEquals("ann", e.getStudent().getName());
            assertSame(e, s.get(KeyEnrollment.class, new KeyEnrollmentId(annId, mathId)));
            assertEquals(null, s.get(KeyEnrollment.class, new KeyEnrollmentId(annId, mathId + 1000)));
            IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> s.get(KeyEnrollment.class, annId));
            assertTrue(bad.getMessage().contains(KeyEnrollmentId.class.getName()), bad.getMessage());
        }
    }

    @Test
    void theExtraColumnIsUpdatedByTheCompositeKey() {
        Long[] ids = seed();
        try (Session s = sessions.openSession()) {
            KeyEnrollment e = s.get(KeyEnrollment.class, new KeyEnrollmentId(ids[0], ids[3]));
            e.setGrade(75);
            statements.clear();
            s.commit();
            assertEquals(1, count("UPDATE"), statements.toString());
        }
        try (Session s = sessions.openSession()) {
            assertEquals(75, s.get(KeyEnrollment.class, new KeyEnrollmentId(ids[0], ids[3])).getGrade());
            assertEquals(90, s.get(KeyEnrollment.class, new KeyEnrollmentId(ids[0], ids[2])).getGrade(), "the other row is untouched");
        }
    }

    @Test
    void lazyCollectionsOfCompositeKeyChildrenLoadBatched() {
        seed();
        try (Session s = sessions.openSession()) {
            List<KeyStudent> students = s.query(KeyStudent.class).orderBy(KeyStudent_.name.asc()).all();
            assertEquals(1, count("SELECT"), statements.toString());
            assertEquals(2, students.get(0).getEnrollments().size());
            // one batched load for both students' collections, and one batched load of the elements' courses
            assertEquals(3, count("SELECT"), statements.toString());
            assertEquals(1, students.get(1).getEnrollments().size());
            assertEquals(List.of("math", "art"), students.get(0).getEnrollments().stream().map(e -> e.getCourse().getTitle()).toList());
            assertSame(students.get(0), students.get(0).getEnrollments().get(0).getStudent());
            assertEquals(3, count("SELECT"), statements.toString());
        }
    }

    @Test
    void selectinAndJoinedLoadCompositeKeyChildren() {
        seed();
        try (Session s = sessions.openSession()) {
            List<KeyStudent> students = s.query(KeyStudent.class)
                    .options(selectinLoad(KeyStudent_.enrollments).then(selectinLoad(KeyEnrollment_.course)))
                    .orderBy(KeyStudent_.name.asc()).all();
            assertEquals(3, count("SELECT"), "students; enrollments IN; courses IN: " + statements);
            assertEquals(List.of("math:90", "art:70"), students.get(0).getEnrollments().stream()
                    .map(e -> e.getCourse().getTitle() + ":" + e.getGrade()).toList());
            assertEquals(3, count("SELECT"), statements.toString());
        }
        statements.clear();
        try (Session s = sessions.openSession()) {
            KeyCourse math = s.query(KeyCourse.class).filterBy("title", "math")
                    .options(joinedLoad(KeyCourse_.enrollments).then(joinedLoad(KeyEnrollment_.student))).one();
            assertEquals(1, count("SELECT"), statements.toString());
            assertEquals(List.of("ann:90", "bob:80"), math.getEnrollments().stream()
                    .map(e -> e.getStudent().getName() + ":" + e.getGrade()).toList(), "@OrderBy(grade DESC)");
            assertEquals(1, count("SELECT"), statements.toString());
            assertEquals(List.of("ann"), s.query(KeyStudent.class)
                    .filter(KeyStudent_.enrollments.any(KeyEnrollment_.grade.ge(85))).all().stream().map(KeyStudent::getName).toList());
            assertEquals(List.of("art", "math"), s.query(KeyCourse.class).join(KeyCourse_.enrollments)
                    .filter(KeyEnrollment_.grade.lt(85)).orderBy(KeyCourse_.title.asc()).all().stream().map(KeyCourse::getTitle).toList());
        }
    }

    @Test
    void aSecondObjectForThePairIsRefused() {
        Long[] ids = seed();
        try (Session s = sessions.openSession()) {
            KeyStudent ann = s.get(KeyStudent.class, ids[0]);
            KeyCourse math = s.get(KeyCourse.class, ids[2]);
            s.get(KeyEnrollment.class, new KeyEnrollmentId(ids[0], ids[2]));
            // a new object with the pair of a persistent one: the primary key refuses its INSERT
            s.add(new KeyEnrollment(ann, math, 1));
            assertThrows(IntegrityError.class, s::commit);
            s.rollback();
        }
        try (Session s = sessions.openSession()) {
            // not in the session: the database's primary key refuses it
            s.add(new KeyEnrollment(s.get(KeyStudent.class, ids[0]), s.get(KeyCourse.class, ids[2]), 1));
            assertThrows(IntegrityError.class, s::commit);
            s.rollback();
        }
    }

    @Test
    void orphansAndCascadedDeletesGoByTheCompositeKey() {
        Long[] ids = seed();
        try (Session s = sessions.openSession()) {
            KeyStudent ann = s.get(KeyStudent.class, ids[0]);
            KeyEnrollment art = ann.getEnrollments().stream().filter(e -> e.getCourse().getTitle().equals("art")).findFirst().orElseThrow();
            ann.getEnrollments().remove(art);
            statements.clear();
            s.commit();
            assertEquals(1, count("DELETE"), "the orphan: " + statements);
            assertEquals(List.of(), statements.stream().filter(x -> x.toUpperCase(Locale.ROOT).startsWith("UPDATE")).toList());
        }
        try (Session s = sessions.openSession()) {
            assertEquals(null, s.get(KeyEnrollment.class, new KeyEnrollmentId(ids[0], ids[3])));
            assertEquals(2, s.query(KeyEnrollment.class).count());
            s.delete(s.get(KeyStudent.class, ids[0]));
            statements.clear();
            s.commit();
            assertEquals(2, count("DELETE"), "ann's enrollment (cascade), then ann: " + statements);
            assertEquals(1, s.query(KeyEnrollment.class).count());
        }
    }

    @Test
    void aPrimaryKeyReferenceCannotChangeOrBeCleared() {
        Long[] ids = seed();
        try (Session s = sessions.openSession()) {
            KeyEnrollment e = s.get(KeyEnrollment.class, new KeyEnrollmentId(ids[1], ids[2]));
            e.setStudent(s.get(KeyStudent.class, ids[0]));
            IllegalStateException x = assertThrows(IllegalStateException.class, s::flush);
            assertTrue(x.getMessage().contains("KeyEnrollment.student") && x.getMessage().contains("part of the primary key"), x.getMessage());
        }
        try (Session s = sessions.openSession()) {
            // deleting a course without cascade would set the enrollments' course to NULL: refused before any SQL
            s.delete(s.get(KeyCourse.class, ids[3]));
            statements.clear();
            IllegalStateException x = assertThrows(IllegalStateException.class, s::flush);
            assertTrue(x.getMessage().contains("KeyEnrollment.course") && x.getMessage().contains("primary key"), x.getMessage());
            assertEquals(0, count("DELETE") + count("UPDATE"), statements.toString());
        }
    }

    // ---- @EmbeddedId + @MapsId ----------------------------------------------------------------------

    @Test
    void mapsIdReferencesShareTheEmbeddedIdColumns() {
        Table t = ClassMapping.of(KeyMembership.class).table();
        assertEquals(List.of("student_id", "course_id", "role"), t.columns().stream().map(Column::name).toList(),
                "no column of their own for the references");
        assertEquals(List.of("student_id", "course_id"), t.primaryKeyColumns().stream().map(Column::name).toList());
        assertEquals(2, t.foreignKeys().size(), t.foreignKeys().toString());
    }

    @Test
    void theFlushFillsTheEmbeddedIdFromTheReferences() {
        Long annId, mathId;
        try (Session s = sessions.openSession()) {
            KeyStudent ann = new KeyStudent("ann");
            KeyCourse math = new KeyCourse("math");
            KeyMembership m = ann.join(math, "tutor");
            s.add(ann);
            s.flush();
            assertEquals(3, count("INSERT"), "student, course, membership: " + statements);
            annId = ann.getId();
            mathId = math.getId();
            assertEquals(new KeyMembershipId(annId, mathId), m.getId(), "filled from the generated keys");
            statements.clear();
            assertSame(m, s.get(KeyMembership.class, new KeyMembershipId(annId, mathId)));
            assertEquals(0, statements.size(), statements.toString());
            s.commit();
        }
        try (Session s = sessions.openSession()) {
            KeyStudent ann = s.get(KeyStudent.class, annId);
            statements.clear();
            KeyMembership m = s.get(KeyMembership.class, new KeyMembershipId(annId, mathId));
            assertEquals(2, count("SELECT"), "the row, then its course (the student is in the session): " + statements);
            assertSame(ann, m.getStudent());
            assertEquals("math", m.getCourse().getTitle());
            m.setRole("lead");
            statements.clear();
            s.commit();
            assertEquals(1, count("UPDATE"), statements.toString());
        }
        try (Session s = sessions.openSession()) {
            assertEquals("lead", s.get(KeyMembership.class, new KeyMembershipId(annId, mathId)).getRole());
        }
    }

    /**
     * A {@code @MapsId} reference's key is its {@code @EmbeddedId} component's column: every load reads that
     * column once (it read it twice, once per attribute) and the reference still finds its object.
     */
    @Test
    void theLoadOfAMapsIdEntityReadsEachSharedColumnOnce() {
        Long annId, mathId;
        try (Session s = sessions.openSession()) {
            KeyStudent ann = new KeyStudent("ann");
            KeyCourse math = new KeyCourse("math");
            ann.join(math, "tutor");
            s.add(ann);
            s.commit();
            annId = ann.getId();
            mathId = math.getId();
        }
        try (Session s = sessions.openSession()) {
            statements.clear();
            KeyMembership m = s.get(KeyMembership.class, new KeyMembershipId(annId, mathId));
            assertSelectListReadsOnce(statements.get(0), "student_id", "course_id");
            assertEquals("ann", m.getStudent().getName());
            assertEquals("math", m.getCourse().getTitle());
            assertEquals(new KeyMembershipId(annId, mathId), m.getId());
        }
        try (Session s = sessions.openSession()) {
            statements.clear();
            KeyMembership m = s.query(KeyMembership.class).options(joinedLoad(KeyMembership_.student)).first(); // a subquery
            assertEquals(2, count("SELECT"), "the membership with its student (joined); its course (batched): " + statements);
            assertSelectListReadsOnce(statements.get(0), "course_id"); // the outer list; the subquery's is after FROM
            assertEquals("ann", m.getStudent().getName());
            statements.clear();
            KeyStudent ann = s.query(KeyStudent.class).filterBy("name", "ann").options(joinedLoad(KeyStudent_.memberships)).one();
            assertSelectListReadsOnce(statements.get(0), "course_id");
            assertSame(m, ann.getMemberships().get(0));
        }
    }

    /** Asserts each column name appears once in the SELECT list (before the first FROM) of {@code sql}. */
    private static void assertSelectListReadsOnce(String sql, String... columns) {
        String list = sql.substring(0, sql.toUpperCase(Locale.ROOT).indexOf(" FROM "));
        for (String c : columns) assertEquals(1, occurrences(list, c), c + " in " + sql);
    }

    private static int occurrences(String text, String word) {
        int n = 0;
        for (int at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + word.length())) n++;
        return n;
    }

    @Test
    void aRollbackUndoesTheFilledEmbeddedId() {
        try (Session s = sessions.openSession()) {
            KeyStudent ann = new KeyStudent("ann");
            KeyMembership m = ann.join(new KeyCourse("math"), "tutor");
            s.add(ann);
            s.flush();
            assertNotNull(m.getId().getStudentId());
            s.rollback();
            assertEquals(null, m.getId().getStudentId(), "the component the flush filled is restored");
            assertEquals(0, s.query(KeyMembership.class).count());
            // no reference: nothing to take that part of the key from
            s.add(new KeyMembership(null, new KeyCourse("art"), "x"));
            FlushException x = assertThrows(FlushException.class, s::flush);
            assertTrue(x.getMessage().contains("KeyMembership.student is null in a new KeyMembership"), x.getMessage());
        }
    }

    @Test
    void mapsIdChildrenLoadThroughEveryLoaderAndAreOrphanedByTheirKey() {
        Long annId;
        try (Session s = sessions.openSession()) {
            KeyCourse math = new KeyCourse("math"), art = new KeyCourse("art");
            KeyStudent ann = new KeyStudent("ann"), bob = new KeyStudent("bob");
            ann.join(math, "tutor");
            ann.join(art, "member");
            bob.join(math, "member");
            s.addAll(List.of(ann, bob));
            s.commit();
            annId = ann.getId();
        }
        statements.clear();
        try (Session s = sessions.openSession()) {
            List<KeyStudent> students = s.query(KeyStudent.class).orderBy(KeyStudent_.name.asc()).all();
            assertEquals(2, students.get(0).getMemberships().size());
            assertEquals(1, students.get(1).getMemberships().size());
            assertEquals(3, count("SELECT"), "students; memberships of both (batched); their courses (batched): " + statements);
        }
        statements.clear();
        try (Session s = sessions.openSession()) {
            List<KeyStudent> students = s.query(KeyStudent.class).options(selectinLoad(KeyStudent_.memberships))
                    .orderBy(KeyStudent_.name.asc()).all();
            assertEquals(3, count("SELECT"), statements.toString());
            assertEquals(List.of("member", "tutor"), students.get(0).getMemberships().stream().map(KeyMembership::getRole).sorted().toList());
        }
        statements.clear();
        try (Session s = sessions.openSession()) {
            KeyStudent ann = s.query(KeyStudent.class).filterBy("name", "ann")
                    .options(joinedLoad(KeyStudent_.memberships).then(joinedLoad(KeyMembership_.course))).one();
            assertEquals(1, count("SELECT"), statements.toString());
            assertEquals(List.of("art", "math"), ann.getMemberships().stream().map(m -> m.getCourse().getTitle()).sorted().toList());
            // the association object itself, limited, with a joined reference: its select becomes a subquery
            KeyMembership first = s.query(KeyMembership.class).options(joinedLoad(KeyMembership_.student))
                    .orderBy(KeyMembership_.role.asc()).first();
            assertEquals("member", first.getRole());
            KeyMembership art = ann.getMemberships().stream().filter(m -> m.getCourse().getTitle().equals("art")).findFirst().orElseThrow();
            ann.getMemberships().remove(art);
            statements.clear();
            s.commit();
            assertEquals(1, count("DELETE"), "the orphan, by its key: " + statements);
        }
        try (Session s = sessions.openSession()) {
            assertEquals(2, s.query(KeyMembership.class).count());
            KeyMembership m = s.query(KeyMembership.class).filter(KeyMembership_.role.eq("member")).first();
            m.setStudent(s.get(KeyStudent.class, annId).getId().equals(m.getStudent().getId())
                    ? s.query(KeyStudent.class).filterBy("name", "bob").one() : s.get(KeyStudent.class, annId));
            IllegalStateException x = assertThrows(IllegalStateException.class, s::flush);
            assertTrue(x.getMessage().contains("KeyMembership.student") && x.getMessage().contains("part of the primary key"), x.getMessage());
        }
    }
}
