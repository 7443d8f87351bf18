package org.athanor.orm;

import static org.athanor.core.sql.Sql.update;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.athanor.core.error.IntegrityError;
import org.athanor.core.sql.Row;
import org.athanor.orm.model.Account;
import org.athanor.orm.model.Model;
import org.athanor.orm.model.Post;
import org.athanor.orm.model.Tag;
import org.athanor.orm.model.User;
import org.junit.jupiter.api.Test;

/** What a Session flush writes, in which statements and order, and what it refuses; on every database by the subclasses. */
public abstract class SessionFlushTestBase extends SessionFixture {
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
    void changingAPrimaryKeyIsRefused() {
        long id = insertUser("Alice", 31);
        try (Session s = sessions.openSession()) {
            User a = s.get(User.class, id);
            a.setId(id + 1);
            IllegalStateException e = assertThrows(IllegalStateException.class, s::flush);
            assertTrue(e.getMessage().contains("primary key"), e.getMessage());
        }
    }
}
