package org.athanor.orm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.athanor.core.sql.Row;
import org.athanor.orm.model.Model;
import org.athanor.orm.model.Tag;
import org.athanor.orm.model.User;
import org.junit.jupiter.api.Test;

/**
 * A short session (get by id, a page query, one change, one add, commit) makes no state for the rows it only read:
 * the page's rows outside what the get held enter without lookups, and add() asks about its one object without giving
 * every loaded row its state. Sessions start with none of the structures they may never use (savepoint levels,
 * pending and marked lists, the identity map's table): savepoints, deletes and rollbacks after such a start behave as
 * ever, and an inserted object that took over a loaded row's key stays the identity map's however late the row's
 * state is made.
 */
public abstract class LeanSessionTestBase extends SessionFixture {
    /** {@code n} users committed; their ids in ascending order. */
    private List<Long> committedUsers(int n) {
        try (Session s = sessions.openSession()) {
            List<User> us = users(n, "lean");
            s.addAll(us);
            s.commit();
            statements.clear();
            return us.stream().map(User::getId).sorted().toList();
        }
    }

    private static List<User> page(Session s, long from, int n) {
        return s.query(User.class).filter(USER_ID.ge(from)).orderBy(USER_ID).limit(n).all();
    }

    @Test
    void aRequestShapedSessionMakesNoStateForTheRowsItOnlyRead() {
        List<Long> ids = committedUsers(30);
        User fresh = new User("fresh", "fresh@x", 1);
        User changed;
        try (Session s = sessions.openSession()) {
            User one = s.get(User.class, ids.get(25));
            List<User> page = page(s, ids.get(3), 10); // below the one held: none of its rows can be that object
            assertEquals(11, s.uow.identityMap.unsettledRows(), "no page row was looked up or given a state");
            changed = page.get(2);
            changed.setAge(99);
            s.add(fresh);
            assertEquals(11, s.uow.identityMap.unsettledRows(), "add() made no state for the loaded rows");
            assertTrue(s.contains(page.get(5)));
            assertEquals(10, s.uow.identityMap.unsettledRows(), "contains() made the state of its object's row alone");
            assertSame(one, s.get(User.class, ids.get(25)));
            assertSame(page.get(7), s.get(User.class, ids.get(10)), "the rows are the identity map's");
            s.commit();
        }
        assertEquals(31, committedRows(User.class).size());
        for (Row r : committedRows(User.class)) {
            long id = ((Number) r.get("id")).longValue();
            if (id == changed.getId()) assertEquals(99, ((Number) r.get("age")).intValue());
        }
        assertTrue(fresh.getId() != null);
    }

    @Test
    void addingALoadedObjectWithoutAStateDoesNothing() {
        List<Long> ids = committedUsers(5);
        try (Session s = sessions.openSession()) {
            List<User> page = page(s, ids.get(0), 5);
            s.add(page.get(3));
            assertEquals(List.of(), s.getNew(), "persistent already: not pending");
            assertEquals(ObjectState.PERSISTENT, state(s, page.get(3)));
            statements.clear();
            s.commit();
            assertEquals(0, count("INSERT"), statements.toString());
        }
        assertEquals(5, committedRows(User.class).size());
    }

    @Test
    void savepointsDeletesAndRollbacksAfterALeanStart() {
        List<Long> ids = committedUsers(6);
        User added = new User("added", "added@x", 5);
        try (Session s = sessions.openSession()) {
            List<User> page = page(s, ids.get(0), 6);
            int age1 = page.get(1).getAge();
            SessionSavepoint sp1 = s.beginNested();
            s.delete(page.get(0));
            assertEquals(List.of(page.get(0)), s.getDeleted());
            SessionSavepoint sp2 = s.beginNested();
            s.add(added);
            SessionSavepoint sp3 = s.beginNested(); // three levels deep: past the first room for savepoints
            page.get(1).setAge(77);
            s.flush();
            sp3.rollback();
            assertEquals(age1, page.get(1).getAge(), "the savepoint's write is undone in the session");
            assertFalse(sp3.isActive());
            assertTrue(sp2.isActive());
            sp2.commit();
            sp1.commit();
            s.commit();
        }
        List<Row> rows = committedRows(User.class);
        assertEquals(6, rows.size(), "one deleted, one added");
        assertTrue(rows.stream().noneMatch(r -> ((Number) r.get("id")).longValue() == ids.get(0)));
        assertTrue(rows.stream().anyMatch(r -> "added".equals(r.get("name"))));
        assertTrue(rows.stream().noneMatch(r -> ((Number) r.get("age")).intValue() == 77));
    }

    @Test
    void aRollbackAfterALeanStartExpungesTheAddedAndExpiresTheLoaded() {
        List<Long> ids = committedUsers(3);
        User added = new User("gone", "gone@x", 9);
        try (Session s = sessions.openSession()) {
            List<User> page = page(s, ids.get(0), 3);
            page.get(2).setName("changed");
            s.add(added);
            s.flush();
            s.rollback();
            assertEquals(ObjectState.TRANSIENT, state(s, added));
            assertEquals("lean2", page.get(2).getName(), "the loaded object takes back what its row held");
            assertSame(page.get(2), s.get(User.class, ids.get(2)));
        }
        assertEquals(3, committedRows(User.class).size());
    }

    @Test
    void anObjectInsertedWithTheKeyOfARowLoadedAfterItWasAddedIsTheIdentityMaps() {
        try (Session s = sessions.openSession()) {
            s.add(new Tag("taken", "first", 1));
            s.commit();
        }
        try (Session s = sessions.autoflush(false).openSession()) {
            Tag fresh = new Tag("taken", "second", 2);
            s.add(fresh);
            Tag stale = s.get(Tag.class, "taken"); // read after the add, kept without a state
            s.execute(org.athanor.core.sql.Sql.deleteFrom(Model.REGISTRY.table(Tag.class))); // behind the session's back
            s.flush(); // inserted: the identity map's entry for "taken" is now the new object
            assertSame(fresh, s.get(Tag.class, "taken"));
            stale.setLabel("changed on the orphan");
            s.commit();
        }
        List<Row> rows = committedRows(Tag.class);
        assertEquals(1, rows.size());
        assertEquals("second", rows.get(0).get("label"), "the orphaned object's change is not written over the new row");
    }
}
