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
import java.util.List;
import org.athanor.core.error.IntegrityError;
import org.athanor.core.sql.Row;
import org.athanor.orm.model.Model;
import org.athanor.orm.model.User;
import org.junit.jupiter.api.Test;

/** Session transactions: rollback in memory, failed flushes, savepoints, expire on commit, transaction blocks; on every database by the subclasses. */
public abstract class SessionTransactionTestBase extends SessionFixture {
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
            IllegalStateException boom = assertThrows(IllegalStateException.class, () -> {
                try (SessionTransaction tx = s.begin()) {
                    s.add(lost);
                    s.flush();
                    throw new IllegalStateException("boom"); // commit() is never reached: close() rolls back
                }
            });
            assertEquals("boom", boom.getMessage(), "the block's own exception is the one thrown");
            assertEquals(1, boom.getSuppressed().length, "the block's not committing is suppressed under it");
            assertEquals(ObjectState.TRANSIENT, state(s, lost));
            IllegalStateException forgot = assertThrows(IllegalStateException.class, () -> {
                try (SessionTransaction tx = s.begin()) {
                    s.add(new User("Forgotten", "f@x", 3)); // no commit(): rolled back, nothing written, and said so
                }
            });
            assertTrue(forgot.getMessage().startsWith("the transaction block ended without commit() or rollback(), so its work was rolled back"),
                    forgot.getMessage());
            try (SessionTransaction tx = s.begin()) {
                s.add(new User("Discarded", "d@x", 3));
                tx.rollback(); // discarded on purpose: no error
            }
            User twin = new User("Twin", "kept@x", 9); // the email is taken: the block's commit fails
            IntegrityError failed = assertThrows(IntegrityError.class, () -> {
                try (SessionTransaction tx = s.begin()) {
                    s.add(twin);
                    tx.commit();
                }
            });
            assertEquals(0, failed.getSuppressed().length, "a block whose commit failed is not also blamed for not committing");
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
        Session[] opened = new Session[1];
        assertThrows(IllegalStateException.class, () -> {
            try (SessionTransaction tx = sessions.begin()) {
                opened[0] = tx.session();
                opened[0].add(abandoned);
            }
        });
        seen = opened[0];
        assertTrue(seen.isClosed(), "the block closed the session it opened");
        assertNull(abandoned.getId());
        assertEquals(List.of("Kept", "Fresh"), committedRows(User.class).stream().map(r -> r.get("name")).toList());
    }
}
