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

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.athanor.core.error.IntegrityError;
import org.athanor.core.schema.Column;
import org.athanor.core.sql.Row;
import org.athanor.orm.model.Account;
import org.athanor.orm.model.Enrollment;
import org.athanor.orm.model.EnrollmentKey;
import org.athanor.orm.model.Model;
import org.athanor.orm.model.Post;
import org.athanor.orm.model.Tag;
import org.athanor.orm.model.User;
import org.junit.jupiter.api.Test;

/** Session operations and object states, run on every database by the subclasses. */
public abstract class SessionTestBase extends OrmTestBase {
    static final Column<Integer> AGE = Model.col(User.class, "age", Integer.class);
    static final Column<String> NAME = Model.col(User.class, "name", String.class);
    static final Column<Long> USER_ID = Model.col(User.class, "id", Long.class);
    static final Column<Long> BALANCE = Model.col(Account.class, "balance", Long.class);
    static final Column<Long> ACCOUNT_ID = Model.col(Account.class, "id", Long.class);

    /** The object's state as session {@code s} sees it. */
    static ObjectState state(Session s, Object o) { return s.inspect(o).state(); }

    /** The object's state as a new session sees it (outside every session). */
    ObjectState state(Object o) {
        try (Session fresh = sessions.openSession()) {
            return fresh.inspect(o).state();
        }
    }

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
    void noUpdateWhenNothingChangedAndOnlyChangedColumnsAreSet() {
        long id = insertUser("Alice", 31);
        try (Session s = sessions.openSession()) {
            User a = s.get(User.class, id);
            a.setName("Alice"); // same value: not a change
            statements.clear();
            s.flush();
            assertEquals(List.of(), statements, "nothing changed, nothing sent");
            assertFalse(s.isModified(a));
            a.setAge(32);
            assertEquals(List.of(a), s.getDirty());
            s.commit();
        }
        List<String> updates = statements.stream().filter(x -> x.startsWith("UPDATE")).toList();
        assertEquals(1, updates.size(), statements.toString());
        assertTrue(updates.get(0).contains("age"), updates.get(0));
        assertFalse(updates.get(0).contains("name"), "only the changed column is set: " + updates.get(0));
        assertEquals(32, ((Number) committedRows(User.class).get(0).get("age")).intValue());
    }

    @Test
    void addAllIntoAnEmptySessionAddsEachObjectOnceAndAnswersLookupsByObject() {
        List<User> users = new ArrayList<>();
        for (int i = 0; i < 300; i++) users.add(new User("u" + i, "u" + i + "@x", i));
        List<Object> given = new ArrayList<>(users);
        given.add(users.get(7)); // repeats, later in the same call: added once
        given.add(users.get(0));
        given.add(users.get(299));
        try (Session s = sessions.openSession()) {
            s.addAll(given);
            assertEquals(users, s.getNew(), "each object once, in the order first given");
            assertTrue(s.contains(users.get(150)));
            assertEquals(ObjectState.PENDING, state(s, users.get(150)));
            s.expunge(users.get(150));
            assertEquals(ObjectState.TRANSIENT, state(s, users.get(150)));
            assertFalse(s.contains(users.get(150)));
            s.add(users.get(0)); // already pending: nothing happens
            s.flush();
            assertEquals(List.of(), s.getNew());
            assertEquals(299, countIdsSet(users));
            assertNull(users.get(150).getId());
            s.commit();
        }
        assertEquals(299, committedRows(User.class).size());
    }

    private static int countIdsSet(List<User> users) {
        int n = 0;
        for (User u : users) if (u.getId() != null) n++;
        return n;
    }

    @Test
    void addAllIntoAnEmptySessionStopsAtANullWithTheObjectsBeforeItAdded() {
        User a = new User("A", "a@x", 1), b = new User("B", "b@x", 2), c = new User("C", "c@x", 3);
        List<User> given = new ArrayList<>(List.of(a, b));
        given.add(null);
        given.add(c);
        try (Session s = sessions.openSession()) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.addAll(given));
            assertTrue(e.getMessage().contains("add(null)"), e.getMessage());
            assertEquals(List.of(a, b), s.getNew(), "as add() one by one: the objects before the null are pending");
            assertEquals(ObjectState.TRANSIENT, state(s, c));
        }
    }

    @Test
    void addAllIntoAnEmptySessionReattachesDetachedObjectsBesideNewOnes() {
        User old = new User("Old", "old@x", 50);
        try (Session s = sessions.openSession()) {
            s.add(old);
            s.commit();
        }
        assertEquals(ObjectState.DETACHED, state(old));
        old.setAge(51);
        User fresh = new User("New", "new@x", 1);
        try (Session s = sessions.openSession()) {
            s.addAll(List.of(fresh, old, old, fresh));
            assertEquals(List.of(fresh), s.getNew());
            assertEquals(ObjectState.PERSISTENT, state(s, old));
            assertSame(old, s.get(User.class, old.getId()), "the detached object is the session's object for its row");
            s.commit();
        }
        assertEquals(2, committedRows(User.class).size());
        assertEquals(51, ((Number) committedRows(User.class).get(0).get("age")).intValue());
    }

    @Test
    void updatesWithTheSameColumnsAreBatchedAndInsertsAreMultiRow() {
        List<User> users = new ArrayList<>();
        for (int i = 0; i < 25; i++) users.add(new User("u" + i, "u" + i + "@x", i));
        try (Session s = sessions.openSession()) {
            s.addAll(users);
            statements.clear();
            s.flush();
            long inserts = countStatements("INSERT");
            boolean multiRow = engine.dialect().features().supportsMultiRowInsert()
                    && (engine.dialect().features().supportsReturning() || engine.dialect().features().multiRowGeneratedKeys());
            if (multiRow) assertEquals(1, inserts, "one multi-row INSERT: " + statements);
            else assertEquals(25, inserts, "one INSERT per row when keys cannot come back from a multi-row insert");
            HashSet<Long> ids = new HashSet<>();
            for (User u : users) assertTrue(ids.add(u.getId()), "distinct ids");
            for (User u : users) u.setAge(u.getAge() + 100);
            users.get(0).setName("renamed");
            statements.clear();
            s.commit();
            assertEquals(2, countStatements("UPDATE"), "one batch for {age}, one for {name, age}: " + statements);
        }
        for (Row r : committedRows(User.class)) {
            String name = (String) r.get("name");
            long id = ((Number) r.get("id")).longValue();
            User u = users.stream().filter(x -> x.getId() == id).findFirst().orElseThrow();
            assertEquals(u.getName(), name, "the id assigned to each object is its own row's");
            assertEquals(u.getAge(), ((Number) r.get("age")).intValue());
        }
    }

    @Test
    void aOneRowUpdateOrDeleteIsOneStatementAndSeveralAreOneBatch() {
        List<String> kinds = new java.util.concurrent.CopyOnWriteArrayList<>();
        org.athanor.core.engine.ExecutionListener l = new org.athanor.core.engine.ExecutionListener() {
            @Override public void finished(org.athanor.core.engine.ExecutionEvent e) {
                String sql = e.sql().trim().toUpperCase(java.util.Locale.ROOT);
                if (sql.startsWith("UPDATE") || sql.startsWith("DELETE"))
                    kinds.add(sql.substring(0, 6) + (e.batch() ? " batch of " + e.parameterSets().size() : " single"));
            }
        };
        engine.addExecutionListener(l);
        try (Session s = sessions.openSession()) {
            User a = new User("a", "a@x", 1), b = new User("b", "b@x", 2), c = new User("c", "c@x", 3);
            s.addAll(List.of(a, b, c));
            s.commit();
            kinds.clear();
            a.setAge(10);
            s.flush();
            assertEquals(List.of("UPDATE single"), kinds, "one dirty row: a plain UPDATE");
            kinds.clear();
            b.setAge(20);
            c.setAge(30);
            s.flush();
            assertEquals(List.of("UPDATE batch of 2"), kinds, "two rows with the same changes: one executemany");
            kinds.clear();
            s.delete(a);
            s.flush();
            assertEquals(List.of("DELETE single"), kinds);
            kinds.clear();
            s.delete(b);
            s.delete(c);
            s.commit();
            assertEquals(List.of("DELETE batch of 2"), kinds);
        } finally {
            engine.removeExecutionListener(l);
        }
        assertEquals(0, committedRows(User.class).size());
    }

    @Test
    void aOneRowUpdateOfARowGoneIsStale() {
        try (Session s = sessions.openSession()) {
            User a = new User("gone", "g@x", 1);
            s.add(a);
            s.commit();
            engine.inTransaction(c -> { c.execute(org.athanor.core.sql.Sql.deleteFrom(Model.REGISTRY.table(User.class))); });
            a.setAge(2);
            StaleDataException e = assertThrows(StaleDataException.class, s::flush);
            assertTrue(e.getMessage().contains("matched 0"), e.getMessage());
            s.rollback();
            assertEquals(ObjectState.PERSISTENT, s.inspect(a).state(), "the failed flush left the object as it was");
        }
    }

    @Test
    void generatedKeysMatchTheirObjectsInLargeBatches() {
        List<User> users = new ArrayList<>();
        for (int i = 0; i < 1500; i++) users.add(new User("n" + i, null, i));
        try (Session s = sessions.openSession()) {
            s.addAll(users);
            s.commit();
        }
        assertEachUserHasItsOwnRow(users);
    }

    /** Exactly the users' rows are committed, and the id assigned to each user is its own row's. */
    void assertEachUserHasItsOwnRow(List<User> users) {
        List<Row> rows = committedRows(User.class);
        assertEquals(users.size(), rows.size());
        java.util.Map<Long, String> byId = new java.util.HashMap<>();
        for (Row r : rows) byId.put(((Number) r.get("id")).longValue(), (String) r.get("name"));
        for (User u : users) assertEquals(u.getName(), byId.get(u.getId()));
    }

    @Test
    void aFlushFailingInALaterStatementUndoesTheStatementsBeforeIt() {
        // 2,500 objects take several INSERT statements; the last one repeats the first one's email, so
        // the last statement fails after the earlier ones inserted rows and assigned their keys
        List<User> users = new ArrayList<>();
        for (int i = 0; i < 2500; i++) users.add(new User("n" + i, "e" + i + "@x", i));
        users.get(2499).setEmail("e0@x");
        try (Session s = sessions.openSession()) {
            s.addAll(users);
            statements.clear();
            IntegrityError e = assertThrows(IntegrityError.class, s::flush);
            assertTrue(e.getMessage().startsWith("flush failed inserting User; the transaction was rolled back: "), e.getMessage());
            if (engine.dialect().features().supportsMultiRowInsert())
                assertTrue(countStatements("INSERT") > 1, "the failure came after earlier statements: " + statements.size());
            s.rollback();
            for (User u : users) {
                assertNull(u.getId(), "no id survives the rolled-back inserts");
                assertEquals(ObjectState.TRANSIENT, state(s, u), "expunged by the rollback");
            }
            assertTrue(s.getNew().isEmpty());
            users.get(2499).setEmail("last@x");
            s.addAll(users); // the application decides to try again
            s.commit();
        }
        assertEachUserHasItsOwnRow(users);
    }

    /**
     * An addAll into an empty session is attached only when the session is next used, or inserted
     * directly by the flush: each way must look exactly like add() one by one. Here: inspect as the
     * first call after addAll, an id chosen after addAll for an object past the first statement,
     * the order of the pending objects after a failed flush, and close without commit.
     */
    /**
     * addAll is add() for each object, in order, whatever the session holds and whichever call comes
     * next: inspect as the first call after addAll, an id chosen after addAll for an object past the
     * first statement, a failed flush, and close without commit.
     */
    @Test
    void addAllIsAddForEachObjectWhicheverWayItIsUsed() {
        List<User> first = users(5, "i");
        try (Session s = sessions.openSession()) {
            s.addAll(first);
            assertEquals(ObjectState.PENDING, state(s, first.get(3)), "inspect, the first call after addAll");
            assertEquals(first, s.getNew());
            s.commit();
        }
        assertEquals(5, committedRows(User.class).size());

        // an id set after addAll, on an object past the first statement: inserted with that id, in add order
        List<User> more = users(700, "m");
        long chosen = 7_000_000 + (System.nanoTime() & 0xffff);
        try (Session s = sessions.openSession()) {
            s.addAll(more);
            more.get(600).setId(chosen);
            s.commit();
        }
        assertEquals(chosen, more.get(600).getId());
        assertEquals(705, committedRows(User.class).size());
        java.util.Map<Long, String> byId = new java.util.HashMap<>();
        for (Row r : committedRows(User.class)) byId.put(((Number) r.get("id")).longValue(), (String) r.get("name"));
        for (User u : more) assertEquals(u.getName(), byId.get(u.getId()), "each object's id is its own row's");

        // a failed flush: after rollback every object is transient again, without an id
        List<User> failing = users(600, "f");
        failing.get(550).setEmail("i0@x"); // taken by the first batch: fails in the last statement
        try (Session s = sessions.openSession()) {
            s.addAll(failing);
            assertThrows(IntegrityError.class, s::commit);
            s.rollback();
            assertEquals(List.of(), s.getNew());
            for (User u : failing) {
                assertNull(u.getId());
                assertFalse(s.contains(u));
            }
            failing.get(550).setEmail("f550-fixed@x");
            s.addAll(failing);
            s.commit();
        }
        assertEquals(1305, committedRows(User.class).size());

        // close without commit: nothing inserted, the objects transient again
        List<User> dropped = users(3, "d");
        try (Session s = sessions.openSession()) {
            s.addAll(dropped);
            s.flush();
        }
        for (User u : dropped) {
            assertNull(u.getId(), "the rolled-back insert's id is cleared");
            assertEquals(ObjectState.TRANSIENT, state(u));
        }
        assertEquals(1305, committedRows(User.class).size());
    }

    private static List<User> users(int n, String prefix) {
        List<User> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) out.add(new User(prefix + i, prefix + i + "@x", i));
        return out;
    }

    @Test
    void objectsWithAndWithoutIdsAreInsertedInAddOrder() {
        long chosen = 5_000_000 + (System.nanoTime() & 0xffff);
        User a = new User("A", "a@x", 1);
        User b = new User("B", "b@x", 2);
        User c = new User("C", "c@x", 3);
        b.setId(chosen); // an id the application chose: inserted with it, between the others
        try (Session s = sessions.openSession()) {
            s.add(a);
            s.add(b);
            s.add(c);
            statements.clear();
            s.commit();
        }
        List<String> inserts = statements.stream().filter(x -> x.trim().toUpperCase(java.util.Locale.ROOT).startsWith("INSERT")).toList();
        List<Long> params = inserts.stream().map(x -> x.chars().filter(ch -> ch == '?').count()).toList();
        assertEquals(List.of(3L, 4L, 3L), params, "A, then B with its id, then C: " + inserts);
        assertEquals(chosen, b.getId());
        assertNotNull(a.getId());
        assertNotNull(c.getId());
        assertEquals(3, committedRows(User.class).size());
    }

    @Test
    void flushInsertsParentsFirstAndDeletesChildrenFirst() {
        long uid = 1_000_000 + (System.nanoTime() & 0xffff);
        User parent = new User("Parent", "p@x", 50);
        parent.setId(uid);
        Post child = new Post(uid, "hello");
        try (Session s = sessions.openSession()) {
            s.add(child); // added first, yet inserted after its parent
            s.add(parent);
            s.commit();
        }
        assertEquals(1, committedRows(Post.class).size());
        try (Session s = sessions.openSession()) {
            User p = s.get(User.class, uid);
            Post c = s.query(Post.class).filterBy("userId", uid).one();
            s.delete(p); // marked first, yet deleted after its child
            s.delete(c);
            s.commit();
        }
        assertEquals(0, committedRows(User.class).size());
        assertEquals(0, committedRows(Post.class).size());
    }

    @Test
    void aFailedFlushRollsBackAndDiscardsTheTransactionsWork() {
        long id = insertUser("Alice", 31);
        try (Session s = sessions.openSession()) {
            User a = s.get(User.class, id);
            a.setAge(99);
            User ok = new User("Ok", "ok@x", 1);
            s.add(ok);
            s.flush(); // ok is inserted, a updated: both rolled back below
            assertNotNull(ok.getId());
            User dup1 = new User("D1", "same@x", 2);
            User dup2 = new User("D2", "same@x", 3);
            s.addAll(List.of(dup1, dup2));
            IntegrityError e = assertThrows(IntegrityError.class, s::flush);
            assertTrue(e.getMessage().contains("inserting User") && e.getMessage().contains("[SQL: INSERT"), e.getMessage());
            assertNotNull(e.sql());
            IllegalStateException blocked = assertThrows(IllegalStateException.class, () -> s.get(User.class, id));
            assertTrue(blocked.getMessage().contains("rollback()"), blocked.getMessage());
            s.rollback();
            // the whole transaction is discarded, in memory too
            for (User u : List.of(ok, dup1, dup2)) {
                assertEquals(ObjectState.TRANSIENT, state(s, u));
                assertNull(u.getId(), "no half-assigned id");
            }
            assertEquals(31, a.getAge(), "the rolled-back change is gone");
            assertFalse(s.isModified(a));
            assertEquals(List.of(), s.getNew());
            statements.clear();
            assertSame(a, s.get(User.class, id));
            assertEquals(1, countStatements("SELECT"), "expired by the rollback: re-read");
            dup2.setEmail("other@x");
            s.addAll(List.of(ok, dup1, dup2));
            s.commit();
        }
        List<Row> rows = committedRows(User.class);
        assertEquals(4, rows.size());
        assertEquals(31, ((Number) rows.get(0).get("age")).intValue(), "nothing rolled back is written again");
    }

    /** Issue 14b: a rejected object does not poison the session: the rollback expunged it. */
    @Test
    void aRejectedObjectIsExpungedByTheRollback() {
        insertUser("Alice", 31);
        User duplicate = new User("Alice again", "alice@example.com", 1);
        try (Session s = sessions.openSession()) {
            s.add(duplicate);
            try {
                s.commit();
                throw new AssertionError("the duplicate email must be refused");
            } catch (IntegrityError e) { // the database's error, catchable by its own type
                s.rollback();
            }
            assertEquals(ObjectState.TRANSIENT, state(s, duplicate));
            statements.clear();
            assertEquals(1L, s.query(User.class).count(), "no autoflush of the rejected object");
            assertEquals(0, countStatements("INSERT"));
            s.add(new User("Bob", "bob@x", 2));
            s.commit();
        }
        assertEquals(List.of("Alice", "Bob"), committedRows(User.class).stream().map(r -> r.get("name")).toList());
    }

    /** Issue 14c: the flush throws the database error's own type, with the flush context and the cause chain. */
    @Test
    void theDatabaseErrorIsThrownAsItsOwnTypeWithTheFlushContext() {
        insertUser("Alice", 31);
        try (Session s = sessions.openSession()) {
            s.add(new User("Twin", "alice@example.com", 1));
            IntegrityError e = assertThrows(IntegrityError.class, s::commit);
            assertTrue(e.getMessage().startsWith("flush failed inserting User; the transaction was rolled back: "), e.getMessage());
            assertTrue(e.getMessage().contains("[SQL: INSERT"), e.getMessage());
            IntegrityError original = assertInstanceOf(IntegrityError.class, e.getCause(), "the error Core raised");
            assertInstanceOf(java.sql.SQLException.class, original.getCause(), "the driver's exception");
            assertEquals(original.sqlState(), e.sqlState());
            s.rollback();
        }
    }

    /** Issue 14a: rollback discards the transaction's work, in memory too (SQLAlchemy's rollback). */
    @Test
    void rollbackDiscardsTheTransactionsWorkInMemoryToo() {
        long id = insertUser("Alice", 30);
        long gone = insertUser("Gone", 50);
        long marked = insertUser("Marked", 60);
        try (Session s = sessions.openSession()) {
            User a = s.get(User.class, id);
            User g = s.get(User.class, gone);
            User m = s.get(User.class, marked);
            User zed = new User("Zed", "zed@x", 5);
            User temp = new User("Temp", "temp@x", 6);
            User never = new User("Never", "never@x", 7);
            s.addAll(List.of(zed, temp));
            a.setAge(99);
            s.delete(g);
            s.flush();
            s.delete(temp); // inserted and deleted in this transaction
            s.flush();
            s.add(never); // pending, never flushed
            s.delete(m);  // marked, never flushed
            s.rollback();
            for (User u : List.of(zed, temp, never)) {
                assertEquals(ObjectState.TRANSIENT, state(s, u), u.getName() + " became persistent or pending in the transaction");
                assertNull(u.getId(), "the generated id is cleared");
            }
            assertEquals(ObjectState.PERSISTENT, state(s, g), "the flushed deletion is undone");
            assertEquals(ObjectState.PERSISTENT, state(s, m), "the marked deletion is undone");
            assertEquals(List.of(), s.getDeleted());
            assertEquals(List.of(), s.getNew());
            assertEquals(30, a.getAge(), "the object holds the database's value again");
            assertFalse(s.isModified(a));
            statements.clear();
            assertSame(a, s.get(User.class, id));
            assertEquals(1, countStatements("SELECT"), "expired: the next get re-reads it");
            assertEquals(30, a.getAge());
            s.commit();
        }
        List<Row> rows = committedRows(User.class);
        assertEquals(List.of("Alice", "Gone", "Marked"), rows.stream().map(r -> r.get("name")).toList(), "Zed is not inserted");
        assertEquals(30, ((Number) rows.get(0).get("age")).intValue(), "nothing rolled back is written again");
    }

    /** Rollback expires objects read in the transaction: the next query returns what the database holds. */
    @Test
    void rollbackExpiresSoTheNextQueryReturnsTheDatabasesValues() {
        long id = insertUser("Alice", 30);
        try (Session s = sessions.openSession()) {
            User a = s.get(User.class, id);
            a.setName("Changed");
            s.flush();
            s.rollback();
            TestDb.tx(engine, c -> c.execute(update(Model.REGISTRY.table(User.class)).set(AGE, 44).where(USER_ID.eq(id))));
            User again = s.query(User.class).filter(USER_ID.eq(id)).one();
            assertSame(a, again);
            assertEquals("Alice", a.getName());
            assertEquals(44, a.getAge(), "re-read by the query, as the row is now");
            s.commit();
        }
        assertEquals("Alice", committedRows(User.class).get(0).get("name"));
    }

    @Test
    void savepointRollbackUndoesOnlyTheNestedWork() {
        try (Session s = sessions.openSession()) {
            User outer = new User("Outer", "o@x", 1);
            s.add(outer);
            User inner = new User("Inner", "i@x", 2);
            try (SessionSavepoint sp = s.beginNested()) {
                assertEquals(ObjectState.PERSISTENT, state(s, outer), "beginNested flushes");
                s.add(inner);
                s.flush();
                assertNotNull(inner.getId());
                sp.rollback();
            }
            assertEquals(ObjectState.TRANSIENT, state(s, inner), "added since the savepoint: discarded by its rollback");
            assertNull(inner.getId(), "the id the flush assigned is cleared");
            assertFalse(s.contains(inner));
            try (SessionSavepoint sp = s.beginNested()) {
                outer.setAge(10);
                sp.commit();
            }
            s.commit();
        }
        List<Row> rows = committedRows(User.class);
        assertEquals(1, rows.size());
        assertEquals(10, ((Number) rows.get(0).get("age")).intValue());
    }

    @Test
    void savepointRollbackDiscardsUnflushedWorkToo() {
        long id1 = insertUser("Alice", 31);
        long id2 = insertUser("Bob", 20);
        try (Session s = sessions.openSession()) {
            User a = s.get(User.class, id1);
            User b = s.get(User.class, id2);
            a.setName("Alicia");
            User c = new User("Carol", "c@x", 3);
            try (SessionSavepoint sp = s.beginNested()) { // flushes Alicia
                a.setAge(50);
                b.setAge(21);
                s.flush(); // b's change reaches the database inside the savepoint
                s.delete(b);
                s.add(c);
                sp.rollback();
            }
            assertEquals("Alicia", a.getName(), "flushed before the savepoint: kept");
            assertEquals(31, a.getAge(), "changed since the savepoint, never flushed: back to its value then");
            assertEquals(20, b.getAge(), "flushed inside the savepoint: back to its value then");
            assertEquals(ObjectState.PERSISTENT, state(s, b), "the deletion asked for since the savepoint is withdrawn");
            assertTrue(s.getDeleted().isEmpty());
            assertEquals(ObjectState.TRANSIENT, state(s, c));
            assertFalse(s.isModified(a));
            assertFalse(s.isModified(b));
            s.commit();
        }
        List<Row> rows = committedRows(User.class);
        assertEquals(2, rows.size());
        assertEquals("Alicia", rows.get(0).get("name"));
        assertEquals(31, ((Number) rows.get(0).get("age")).intValue());
        assertEquals(20, ((Number) rows.get(1).get("age")).intValue());
    }

    @Test
    void aFlushThatFailsInASavepointRollsBackOnlyTheSavepoint() {
        try (Session s = sessions.openSession()) {
            List<User> incoming = List.of(new User("A", "a@x", 1), new User("B", "b@x", 2), new User("A again", "a@x", 3),
                    new User("C", "c@x", 4));
            List<User> skipped = new ArrayList<>();
            for (User u : incoming) {
                try (SessionSavepoint sp = s.beginNested()) {
                    s.add(u);
                    sp.commit();
                } catch (IntegrityError duplicate) {
                    assertTrue(duplicate.getMessage().contains("savepoint was rolled back"), duplicate.getMessage());
                    skipped.add(u);
                }
            }
            assertEquals(List.of(incoming.get(2)), skipped);
            assertEquals(ObjectState.TRANSIENT, state(s, incoming.get(2)));
            assertNull(incoming.get(2).getId());
            assertEquals(ObjectState.PERSISTENT, state(s, incoming.get(3)), "the session goes on after the failed savepoint");
            s.commit();
        }
        List<Row> rows = committedRows(User.class);
        assertEquals(List.of("A", "B", "C"), rows.stream().map(r -> r.get("name")).toList());
    }

    @Test
    void aReleasedSavepointsWorkIsUndoneByTheOuterRollback() {
        long id1 = insertUser("Alice", 31);
        long id2 = insertUser("Bob", 20);
        try (Session s = sessions.openSession()) {
            User a = s.get(User.class, id1);
            User b = s.get(User.class, id2);
            a.setAge(41);
            s.flush();
            User c = new User("Carol", "c@x", 3);
            try (SessionSavepoint sp = s.beginNested()) {
                b.setAge(30);
                s.add(c);
                s.delete(a);
                sp.commit();
                assertEquals(ObjectState.DELETED, state(s, a));
                assertFalse(sp.isActive());
                s.rollback();
            }
            assertEquals(ObjectState.TRANSIENT, state(s, c));
            assertNull(c.getId());
            assertEquals(ObjectState.PERSISTENT, state(s, a));
            assertEquals(List.of(), s.getDeleted(), "the deletion is undone");
            assertFalse(s.isModified(b));
            assertEquals(31, a.getAge());
            assertEquals(20, b.getAge());
            s.commit();
        }
        List<Row> rows = committedRows(User.class);
        assertEquals(List.of(31, 20), rows.stream().map(r -> ((Number) r.get("age")).intValue()).toList());
    }

    /** A savepoint's rollback undoes its deletions and its inserts; the outer transaction's work stays. */
    @Test
    void savepointRollbackUndoesItsDeletionsAndInserts() {
        long id1 = insertUser("Alice", 31);
        try (Session s = sessions.openSession()) {
            User a = s.get(User.class, id1);
            User outer = new User("Outer", "o@x", 2);
            s.add(outer);
            User inner = new User("Inner", "i@x", 3);
            try (SessionSavepoint sp = s.beginNested()) {
                s.delete(a);
                s.add(inner);
                s.flush();
                assertEquals(ObjectState.DELETED, state(s, a));
                // closing without commit rolls back
            }
            assertEquals(ObjectState.PERSISTENT, state(s, a), "deleted in the savepoint: persistent again");
            assertEquals(ObjectState.TRANSIENT, state(s, inner));
            assertNull(inner.getId());
            assertEquals(ObjectState.PERSISTENT, state(s, outer), "flushed before the savepoint: kept");
            s.commit();
        }
        assertEquals(List.of("Alice", "Outer"), committedRows(User.class).stream().map(r -> r.get("name")).toList());
    }

    @Test
    void expireOnCommitRereadsWhenTheSessionHandsTheObjectOutAgain() {
        long id = insertUser("Alice", 31);
        try (Session s = sessions.openSession()) {
            User a = s.get(User.class, id);
            s.commit();
            TestDb.tx(engine, c -> c.execute(update(Model.REGISTRY.table(User.class)).set(AGE, 60).set(NAME, "Elsewhere")
                    .where(USER_ID.eq(id))));
            a.setName("Mine"); // changed after the commit: kept
            statements.clear();
            User again = s.get(User.class, id);
            assertSame(a, again);
            assertEquals(1, countStatements("SELECT"), "an expired object is re-read once");
            assertEquals(60, a.getAge());
            assertEquals("Mine", a.getName());
            assertTrue(s.isModified(a));
            statements.clear();
            s.get(User.class, id);
            assertEquals(0, statements.size());
        }
        try (Session s = sessions.expireOnCommit(false).openSession()) {
            User a = s.get(User.class, id);
            s.commit();
            TestDb.tx(engine, c -> c.execute(update(Model.REGISTRY.table(User.class)).set(AGE, 61).where(USER_ID.eq(id))));
            statements.clear();
            assertSame(a, s.get(User.class, id));
            assertEquals(0, statements.size(), "without expireOnCommit the map is trusted");
            assertEquals(60, a.getAge());
            s.refresh(a);
            assertEquals(61, a.getAge());
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
    void anObjectWhoseKeyANewObjectTookOverIsNotWritten() {
        try (Session s = sessions.openSession()) {
            s.add(new Tag("reused", "first", 1));
            s.commit();
        }
        try (Session s = sessions.openSession()) {
            Tag stale = s.get(Tag.class, "reused");
            s.execute(org.athanor.core.sql.Sql.deleteFrom(Model.REGISTRY.table(Tag.class))); // the row goes behind the session's back
            Tag fresh = new Tag("reused", "second", 2);
            s.add(fresh);
            s.flush(); // inserted: the identity map's entry for "reused" is now the new object
            assertSame(fresh, s.get(Tag.class, "reused"));
            stale.setLabel("changed on the orphan");
            s.commit();
        }
        List<Row> rows = committedRows(Tag.class);
        assertEquals(1, rows.size());
        assertEquals("second", rows.get(0).get("label"), "the orphaned object's change is not written over the new row");
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
    void versionedUpdatesDetectConcurrentChanges() {
        try (Session s = sessions.openSession()) {
            s.add(new Account(1L, "ann", 100L));
            s.commit();
        }
        try (Session s = sessions.openSession()) {
            Account a = s.get(Account.class, 1L);
            assertEquals(1, a.getVersion());
            a.setBalance(150L);
            s.commit();
            assertEquals(2, a.getVersion());
            // another transaction bumps the version while this session holds version 2
            TestDb.tx(engine, c -> c.execute(update(Model.REGISTRY.table(Account.class))
                    .set(Model.col(Account.class, "version", Integer.class), 7).where(ACCOUNT_ID.eq(1L))));
            a.setBalance(175L);
            StaleDataException stale = assertThrows(StaleDataException.class, s::commit);
            assertTrue(stale.getMessage().contains("flush failed updating Account"), stale.getMessage());
            assertTrue(stale.getMessage().contains("Account") && stale.getMessage().contains("id=1"), stale.getMessage());
            assertEquals(2, a.getVersion(), "the version increment is undone");
            s.rollback();
            s.refresh(a);
            assertEquals(7, a.getVersion());
            a.setBalance(200L);
            s.commit();
        }
        Row r = committedRows(Account.class).get(0);
        assertEquals(200L, ((Number) r.get("balance")).longValue());
        assertEquals(8, ((Number) r.get("version")).intValue());
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
    void changingAPrimaryKeyIsRefused() {
        long id = insertUser("Alice", 31);
        try (Session s = sessions.openSession()) {
            User a = s.get(User.class, id);
            a.setId(id + 1);
            IllegalStateException e = assertThrows(IllegalStateException.class, s::flush);
            assertTrue(e.getMessage().contains("primary key"), e.getMessage());
        }
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

    @Test
    void factoryTransactionsCommitOrRollBack() {
        sessions.inTransaction(s -> s.add(new User("Tx", "tx@x", 1)));
        long count = sessions.fromTransaction(s -> s.query(User.class).count());
        assertEquals(1L, count);
        assertThrows(IllegalStateException.class, () -> sessions.inTransaction(s -> {
            s.add(new User("Lost", "lost@x", 2));
            s.flush();
            throw new IllegalStateException("boom");
        }));
        assertEquals(1, committedRows(User.class).size());
    }

    /** Issue 14d: transaction blocks for try-with-resources commit only when told to. */
    @Test
    void transactionBlocksCommitWhenToldAndRollBackOtherwise() {
        try (Session s = sessions.openSession()) {
            try (SessionTransaction tx = s.begin()) {
                s.add(new User("Kept", "kept@x", 1));
                tx.commit();
                assertFalse(tx.isActive());
            }
            User lost = new User("Lost", "lost@x", 2);
            assertThrows(IllegalStateException.class, () -> {
                try (SessionTransaction tx = s.begin()) {
                    s.add(lost);
                    s.flush();
                    throw new IllegalStateException("boom"); // commit() is never reached: close() rolls back
                }
            });
            assertEquals(ObjectState.TRANSIENT, state(s, lost));
            try (SessionTransaction tx = s.begin()) {
                s.add(new User("Forgotten", "f@x", 3)); // no commit(): rolled back, nothing written
            }
            User twin = new User("Twin", "kept@x", 9); // the email is taken: the block's commit fails
            assertThrows(IntegrityError.class, () -> {
                try (SessionTransaction tx = s.begin()) {
                    s.add(twin);
                    tx.commit();
                }
            });
            assertEquals(ObjectState.TRANSIENT, state(s, twin), "closing the failed block rolled back: the session is usable");
            s.query(User.class).count(); // begins a transaction implicitly
            IllegalStateException nested = assertThrows(IllegalStateException.class, s::begin);
            assertTrue(nested.getMessage().contains("already in a transaction"), nested.getMessage());
            s.rollback();
        }
        try (SessionTransaction tx = sessions.begin()) {
            tx.session().add(new User("Fresh", "fresh@x", 4));
            tx.commit();
            assertTrue(tx.session().isClosed() == false, "closed with the block, not before");
        }
        User abandoned = new User("Abandoned", "ab@x", 5);
        Session seen;
        try (SessionTransaction tx = sessions.begin()) {
            seen = tx.session();
            seen.add(abandoned);
        }
        assertTrue(seen.isClosed(), "the block closed the session it opened");
        assertNull(abandoned.getId());
        assertEquals(List.of("Kept", "Fresh"), committedRows(User.class).stream().map(r -> r.get("name")).toList());
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

    /** Inserts a committed user through another session and returns its id. */
    long insertUser(String name, int age) {
        try (Session s = sessions.openSession()) {
            User u = new User(name, name.toLowerCase() + "@example.com", age);
            s.add(u);
            s.commit();
            statements.clear();
            return u.getId();
        }
    }
}
