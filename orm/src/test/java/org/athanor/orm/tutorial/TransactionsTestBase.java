package org.athanor.orm.tutorial;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.athanor.core.error.IntegrityError;
import org.athanor.core.sql.Sql;
import org.athanor.orm.Session;
import org.athanor.orm.SessionTransaction;
import org.junit.jupiter.api.Test;

/**
 * The session's transaction rules a SQLAlchemy user relies on: rolling back (the tutorial's "Rolling Back"), transaction
 * blocks ({@code with Session.begin()}, {@code with session.begin()}), an IntegrityError caught and the session going on,
 * merge, refresh and expunge.
 */
public abstract class TransactionsTestBase extends TutorialTestBase {
    @Test
    void rollingBack() {
        try (Session session = sessions.openSession()) {
            TutUser sandy = session.query(TutUser.class).filterBy("name", "sandy").one();
            sandy.setFullname("Sandy Squirrel");
            TutUser fake = new TutUser("fakeuser", "Invalid");
            session.add(fake);
            // autoflush: the query sees both pending changes
            assertEquals(List.of("sandy", "fakeuser"), names(session.query(TutUser.class)
                    .filter(TutUser_.fullname.in("Sandy Squirrel", "Invalid")).orderBy(TutUser_.id.asc()).all()));
            session.rollback();
            assertEquals("Sandy Cheeks", sandy.getFullname(), "the rolled-back value is gone");
            assertFalse(session.contains(fake), "the added object left the session");
            assertNull(fake.getId(), "and is transient again");
            statements.clear();
            session.commit();
            assertEquals(0, count("INSERT") + count("UPDATE"), "nothing rolled back is written again: " + statements);
        }
        try (Session session = sessions.openSession()) {
            assertEquals(0, session.query(TutUser.class).filterBy("name", "fakeuser").count());
        }
    }

    @Test
    void transactionBlocks() {
        try (SessionTransaction tx = sessions.begin()) {                   // with Session.begin() as session:
            tx.session().add(new TutUser("squidward", "Squidward Tentacles"));
            tx.commit();
        }
        assertThrows(IllegalStateException.class, () -> {
            try (SessionTransaction tx = sessions.begin()) {
                tx.session().add(new TutUser("plankton", "Sheldon Plankton"));
                throw new IllegalStateException("the block fails");
            }
        });
        try (Session session = sessions.openSession()) {
            try (SessionTransaction tx = session.begin()) {                // with session.begin():
                session.add(new TutUser("gary", "Gary the Snail"));
                tx.commit();
            }
            assertEquals(List.of("gary", "squidward"), names(session.query(TutUser.class)
                    .filter(TutUser_.name.in("squidward", "plankton", "gary")).orderBy(TutUser_.name.asc()).all()));
        }
        assertEquals(Boolean.TRUE, sessions.fromTransaction(s -> s.query(TutUser.class).filterBy("name", "gary").exists()));
    }

    @Test
    void anIntegrityErrorIsCaughtByItsTypeAndTheSessionGoesOn() {
        try (Session session = sessions.openSession()) {
            TutAddress orphan = new TutAddress("nobody@example.com");                // user_id NOT NULL
            session.add(orphan);
            assertThrows(IntegrityError.class, session::commit);
            session.rollback();
            assertFalse(session.contains(orphan));
            session.add(new TutUser("larry", "Larry the Lobster"));
            session.commit();
            assertEquals(1, session.query(TutUser.class).filterBy("name", "larry").count());
        }
    }

    @Test
    void mergeRefreshAndExpunge() {
        TutUser detached;
        try (Session session = sessions.openSession()) {
            detached = session.query(TutUser.class).filterBy("name", "spongebob").one();
            detached.getAddresses().size();
        }
        detached.setFullname("SpongeBob SquarePants");
        detached.getAddresses().add(new TutAddress("sb@krustykrab.com"));
        try (Session session = sessions.openSession()) {
            TutUser merged = session.merge(detached);
            assertNotSame(detached, merged);
            assertEquals("SpongeBob SquarePants", merged.getFullname());
            assertEquals(2, merged.getAddresses().size(), "cascade ALL includes MERGE");
            session.commit();
        }
        try (Session session = sessions.openSession()) {
            TutUser sb = session.query(TutUser.class).filterBy("name", "spongebob").one();
            assertEquals("SpongeBob SquarePants", sb.getFullname());
            assertEquals(2, sb.getAddresses().size());
            // refresh: another writer changed the row; an unflushed change is discarded. The session's transaction has read
            // already: on SQLite (WAL snapshot) and MariaDB (REPEATABLE READ) it would not see the other commit, so end it first
            session.commit();
            engine.inTransaction(c -> c.execute(Sql.update(TutUser_.TABLE).set(TutUser_.fullname, "from elsewhere")
                    .where(TutUser_.name.eq("spongebob"))));
            sb.setName("changed, never flushed");
            session.refresh(sb);
            assertEquals("from elsewhere", sb.getFullname());
            assertEquals("spongebob", sb.getName());
            // expunge: the object leaves the session; its later changes are not flushed
            session.expunge(sb);
            assertFalse(session.contains(sb));
            sb.setFullname("not written");
            session.commit();
            assertEquals("from elsewhere", session.query(TutUser.class).filterBy("name", "spongebob").one().getFullname());
        }
    }

    @Test
    void savepointsAndBulkUpdates() {
        try (Session session = sessions.openSession()) {
            session.add(new TutUser("outer", "kept"));
            try (var savepoint = session.beginNested()) {                  // begin_nested(), closed without commit
                session.add(new TutUser("inner", "discarded"));
            }
            session.commit();
            assertEquals(List.of("outer"), names(session.query(TutUser.class).filter(TutUser_.name.in("outer", "inner")).all()));
            // Query.update brings loaded objects up to date (synchronize_session); a Core UPDATE through execute() does not
            TutUser sandy = session.query(TutUser.class).filterBy("name", "sandy").one();
            assertEquals(1, session.query(TutUser.class).filterBy("name", "sandy").update(java.util.Map.of(TutUser_.fullname, "Bulk")));
            assertEquals("Bulk", sandy.getFullname());
            session.execute(Sql.update(TutUser_.TABLE).set(TutUser_.fullname, "Core").where(TutUser_.name.eq("sandy")));
            assertEquals("Bulk", session.query(TutUser.class).filterBy("name", "sandy").one().getFullname(),
                    "the identity map's object is handed out unchanged (as SQLAlchemy does after a Core UPDATE)");
            session.refresh(sandy);
            assertEquals("Core", sandy.getFullname());
        }
    }
}
