package org.athanor.orm;

import static org.athanor.core.sql.Sql.update;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.athanor.core.sql.Row;
import org.athanor.orm.model.Enrollment;
import org.athanor.orm.model.EnrollmentKey;
import org.athanor.orm.model.Model;
import org.athanor.orm.model.Tag;
import org.athanor.orm.model.User;
import org.junit.jupiter.api.Test;

/** Session operations and object states, run on every database by the subclasses (flushes: SessionFlushTestBase; transactions: SessionTransactionTestBase). */
public abstract class SessionTestBase extends SessionFixture {
    @Test
    void objectStatesThroughAddFlushDeleteCommitAndClose() {
        User u = new User("Alice", "alice@example.com", 31);
        assertEquals(ObjectState.TRANSIENT, state(u));
        try (Session s = sessions.openSession()) {
            s.add(u);
            assertEquals(ObjectState.PENDING, state(s, u));
            assertNull(u.getId());
            s.flush();
            assertEquals(ObjectState.PERSISTENT, state(s, u));
            assertNotNull(u.getId());
            assertEquals(List.of(u.getId()), s.inspect(u).identity());
            assertSame(s, s.inspect(u).session());
            s.delete(u);
            assertEquals(ObjectState.PERSISTENT, state(s, u), "marked, not yet flushed");
            assertEquals(List.of(u), s.getDeleted());
            s.flush();
            assertEquals(ObjectState.DELETED, state(s, u));
            s.commit();
            assertEquals(ObjectState.DETACHED, state(s, u));
        }
        User v = new User("Bob", "bob@example.com", 25);
        try (Session s = sessions.openSession()) {
            s.add(v);
            s.commit();
            assertEquals(ObjectState.PERSISTENT, state(s, v));
        }
        assertEquals(ObjectState.DETACHED, state(v), "closing the session detaches its objects");
        User w = new User("Carol", "carol@example.com", 40);
        try (Session s = sessions.openSession()) {
            s.add(w);
            s.expunge(w);
            assertEquals(ObjectState.TRANSIENT, state(s, w), "an expunged pending object was never saved");
            s.add(w);
            s.flush();
            s.expunge(w);
            assertEquals(ObjectState.DETACHED, state(s, w));
        }
    }

    @Test
    void addAndCommitWritesRowsAndAssignsIds() {
        try (Session s = sessions.openSession()) {
            s.add(new User("Alice", "a@x", 31));
            s.addAll(List.of(new User("Bob", "b@x", 25), new User("Carol", "c@x", 40)));
            assertEquals(3, s.getNew().size());
            s.commit();
            assertTrue(s.getNew().isEmpty());
        }
        List<Row> rows = committedRows(User.class);
        assertEquals(List.of("Alice", "Bob", "Carol"), rows.stream().map(r -> r.get("name")).toList());
    }

    @Test
    void getUsesTheIdentityMapWithoutSql() {
        long id = insertUser("Alice", 31);
        try (Session s = sessions.openSession()) {
            statements.clear();
            User a = s.get(User.class, id);
            assertEquals(1, countStatements("SELECT"));
            User b = s.get(User.class, id);
            User c = s.get(User.class, (int) id); // an Integer for a Long key is widened
            assertSame(a, b);
            assertSame(a, c);
            assertEquals(1, statements.size(), "identity map hits run no SQL: " + statements);
            assertNull(s.get(User.class, id + 1000));
        }
    }

    @Test
    void aQueryReturnsTheLoadedObjectWithoutOverwritingPendingChanges() {
        long id = insertUser("Alice", 31);
        try (Session s = sessions.autoflush(false).openSession()) {
            User a = s.get(User.class, id);
            a.setName("Changed");
            User q = s.query(User.class).filter(USER_ID.eq(id)).one();
            assertSame(a, q);
            assertEquals("Changed", q.getName(), "the unflushed change survives the query");
            assertTrue(s.isModified(a));
        }
    }

    @Test
    void refreshDiscardsChanges() {
        long id = insertUser("Alice", 31);
        try (Session s = sessions.openSession()) {
            User a = s.get(User.class, id);
            a.setAge(5);
            s.refresh(a);
            assertEquals(31, a.getAge());
            assertFalse(s.isModified(a));
            assertThrows(IllegalStateException.class, () -> s.refresh(new User("x", "x", 1)));
        }
    }

    @Test
    void mergeCopiesDetachedStateOntoTheSessionsObject() {
        long id = insertUser("Alice", 31);
        User detached;
        try (Session s = sessions.openSession()) {
            detached = s.get(User.class, id);
        }
        assertEquals(ObjectState.DETACHED, state(detached));
        detached.setAge(45);
        try (Session s = sessions.openSession()) {
            User loaded = s.get(User.class, id);
            User merged = s.merge(detached);
            assertSame(loaded, merged);
            assertEquals(45, merged.getAge());
            assertEquals(ObjectState.DETACHED, state(s, detached));
            User fresh = s.merge(new User("Fresh", "f@x", 1));
            assertEquals(ObjectState.PENDING, state(s, fresh));
            s.commit();
        }
        assertEquals(2, committedRows(User.class).size());
        assertEquals(45, ((Number) committedRows(User.class).get(0).get("age")).intValue());
    }

    @Test
    void generatedIdsDecideDetachedAndAssignedIdsAreTakenAsNew() {
        long id = insertUser("Alice", 31);
        User stranger = new User("Stranger", "s@x", 5);
        assertEquals(ObjectState.TRANSIENT, state(stranger), "no id: never had a row");
        stranger.setId(id);
        assertEquals(ObjectState.DETACHED, state(stranger), "a generated id is set: it came from the database (Hibernate's rule)");
        Tag made = new Tag("t-made", "made here", 1);
        assertEquals(ObjectState.TRANSIENT, state(made), "an assigned id says nothing");
        try (Session s = sessions.openSession()) {
            s.add(stranger);
            assertEquals(ObjectState.PERSISTENT, state(s, stranger), "re-attached, not inserted");
            s.add(made);
            assertEquals(ObjectState.PENDING, state(s, made));
            s.commit();
        }
        assertEquals(ObjectState.TRANSIENT, state(made), "outside a session, an assigned id cannot tell detached from new");
        try (Session s = sessions.openSession()) {
            made.setLabel("merged");
            Tag held = s.merge(made); // the way back in for detached objects with assigned ids
            assertEquals(ObjectState.PERSISTENT, state(s, held));
            s.commit();
        }
        List<Row> users = committedRows(User.class);
        assertEquals(1, users.size());
        assertEquals("Stranger", users.get(0).get("name"), "the re-attached object's columns were all written");
        assertEquals("merged", committedRows(Tag.class).get(0).get("label"));
    }

    @Test
    void addingADetachedObjectReattachesIt() {
        long id = insertUser("Alice", 31);
        User detached;
        try (Session s = sessions.openSession()) {
            detached = s.get(User.class, id);
        }
        detached.setAge(70);
        try (Session s = sessions.openSession()) {
            s.add(detached);
            assertEquals(ObjectState.PERSISTENT, state(s, detached));
            assertTrue(s.isModified(detached), "a re-attached object's columns are all written");
            s.commit();
        }
        assertEquals(70, ((Number) committedRows(User.class).get(0).get("age")).intValue());
        try (Session s = sessions.openSession()) {
            s.delete(detached);
            s.commit();
        }
        assertEquals(0, committedRows(User.class).size());
    }

    @Test
    void executeRunsCoreStatementsInTheSessionTransaction() {
        try (Session s = sessions.openSession()) {
            s.add(new User("Alice", "a@x", 31));
            // autoflush makes the pending user visible to the Core select
            List<io.vavr.Tuple2<String, Integer>> rows = s.execute(org.athanor.core.sql.Sql.select(NAME, AGE)).all();
            assertEquals(List.of(io.vavr.Tuple.of("Alice", 31)), rows);
            assertEquals(1, s.execute(update(Model.REGISTRY.table(User.class)).set(AGE, 1).where(NAME.eq("Alice"))));
            s.rollback();
        }
        assertEquals(0, committedRows(User.class).size());
    }

    @Test
    void misuseIsReportedClearly() {
        try (Session s = sessions.openSession()) {
            IllegalArgumentException notMapped = assertThrows(IllegalArgumentException.class, () -> s.add("a string"));
            assertTrue(notMapped.getMessage().contains("java.lang.String is not mapped") && notMapped.getMessage().contains("User"),
                    notMapped.getMessage());
            IllegalStateException transientDelete = assertThrows(IllegalStateException.class, () -> s.delete(new User("x", "y", 1)));
            assertTrue(transientDelete.getMessage().contains("transient"), transientDelete.getMessage());
            User p = new User("P", "p@x", 1);
            s.add(p);
            IllegalStateException pendingDelete = assertThrows(IllegalStateException.class, () -> s.delete(p));
            assertTrue(pendingDelete.getMessage().contains("expunge"), pendingDelete.getMessage());
            assertThrows(IllegalArgumentException.class, () -> s.expunge(new Tag("t", "t", 1)));
            assertThrows(IllegalArgumentException.class, () -> s.get(User.class, "not a number"));
        }
        Session closed = sessions.openSession();
        closed.close();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> closed.get(User.class, 1L));
        assertTrue(e.getMessage().contains("closed"), e.getMessage());
    }

    @Test
    void aSessionIsForOneThreadAtATime() throws Exception {
        try (Session s = sessions.openSession()) {
            s.add(new User("Alice", "a@x", 31));
            ExecutionException e = assertThrows(ExecutionException.class,
                    () -> CompletableFuture.runAsync(() -> s.get(User.class, 1L)).get());
            IllegalStateException ise = assertInstanceOf(IllegalStateException.class, e.getCause());
            assertTrue(ise.getMessage().contains(Thread.currentThread().getName()), ise.getMessage());
            s.commit();
            // after the transaction ends the session may move to another thread
            CompletableFuture.runAsync(() -> {
                s.query(User.class).all();
                s.rollback();
            }).get();
        }
    }

    @Test
    void viewsOfNewDirtyAndDeletedObjects() {
        long id = insertUser("Alice", 31);
        long id2 = insertUser("Bob", 20);
        try (Session s = sessions.openSession()) {
            User a = s.get(User.class, id);
            User b = s.get(User.class, id2);
            User c = new User("Carol", "c@x", 3);
            s.add(c);
            a.setAge(1);
            s.delete(b);
            assertEquals(List.of(c), s.getNew());
            assertEquals(List.of(a), s.getDirty());
            assertEquals(List.of(b), s.getDeleted());
            assertTrue(s.contains(c));
            s.add(b); // un-marks the deletion
            assertEquals(List.of(), s.getDeleted());
            s.expungeAll();
            assertEquals(ObjectState.DETACHED, state(s, a));
            assertEquals(ObjectState.TRANSIENT, state(s, c));
            assertTrue(s.getNew().isEmpty());
        }
    }

    @Test
    void applicationAssignedStringKeys() {
        try (Session s = sessions.openSession()) {
            s.addAll(List.of(new Tag("java", "Java", 3), new Tag("sql", "SQL", 5)));
            s.commit();
            Tag t = s.get(Tag.class, "sql");
            t.setWeight(6);
            s.commit();
        }
        try (Session s = sessions.openSession()) {
            assertEquals(6, s.get(Tag.class, "sql").getWeight());
            assertEquals(2, s.query(Tag.class).count());
        }
    }

    @Test
    void compositeKeysThroughIdClass() {
        try (Session s = sessions.openSession()) {
            s.addAll(List.of(new Enrollment(1L, "db", 80), new Enrollment(1L, "os", 70), new Enrollment(2L, "db", 90)));
            s.commit();
        }
        try (Session s = sessions.openSession()) {
            Enrollment e = s.get(Enrollment.class, new EnrollmentKey(1L, "db"));
            assertEquals(80, e.getGrade());
            assertSame(e, s.get(Enrollment.class, new EnrollmentKey(1L, "db")));
            assertEquals(List.of(1L, "db"), s.inspect(e).identity());
            e.setGrade(85);
            s.delete(s.get(Enrollment.class, new EnrollmentKey(1L, "os")));
            assertEquals(1, s.query(Enrollment.class).filterBy("course", "db").filter(
                    Model.col(Enrollment.class, "grade", Integer.class).gt(86)).update(java.util.Map.of(
                    Model.col(Enrollment.class, "grade", Integer.class), 100)));
            s.commit();
            assertThrows(IllegalArgumentException.class, () -> s.get(Enrollment.class, 1L));
        }
        List<Row> rows = committedRows(Enrollment.class);
        assertEquals(2, rows.size());
        java.util.Map<String, Integer> grades = new java.util.TreeMap<>();
        for (Row r : rows) grades.put(r.get("student_id") + "/" + r.get("course"), ((Number) r.get("grade")).intValue());
        assertEquals(java.util.Map.of("1/db", 85, "2/db", 100), grades);
    }

    /** Kills the database connection the session holds, as a network failure would; databases that cannot, skip. */
    void killConnectionOf(Session s) {
        org.junit.jupiter.api.Assumptions.abort("this database has no way to kill one connection from another");
    }

    @Test
    void aLostConnectionDuringAFlushRollsBackAndTheSessionRecovers() {
        long id = insertUser("Alice", 31);
        try (Session s = sessions.openSession()) {
            User a = s.get(User.class, id);
            killConnectionOf(s);
            a.setAge(50);
            User n = new User("New", "new@x", 1);
            s.add(n);
            org.athanor.core.error.DatabaseError e = assertThrows(org.athanor.core.error.DatabaseError.class, s::flush);
            assertTrue(e.getMessage().startsWith("flush failed"), e.getMessage());
            s.rollback();
            assertEquals(ObjectState.TRANSIENT, state(s, n));
            assertNull(n.getId());
            assertEquals(31, a.getAge(), "the change was rolled back");
            a.setAge(50); // the application redoes its work
            s.add(n);
            s.commit(); // on a new connection
        }
        List<Row> rows = committedRows(User.class);
        assertEquals(List.of("Alice", "New"), rows.stream().map(r -> r.get("name")).toList());
        assertEquals(50, ((Number) rows.get(0).get("age")).intValue());
    }
}
