package org.athanor.orm.tutorial;

import static org.athanor.core.sql.Sql.select;
import static org.athanor.orm.Loaders.containsEager;
import static org.athanor.orm.Loaders.joinedLoad;
import static org.athanor.orm.Loaders.raiseLoad;
import static org.athanor.orm.Loaders.selectinLoad;
import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.athanor.orm.Session;
import org.athanor.orm.StatementReport;
import org.junit.jupiter.api.Test;

/** SQLAlchemy's "Working with ORM Related Objects": persisting and loading relationships, joins, loader strategies. */
public abstract class RelatedObjectsTestBase extends TutorialTestBase {
    @Test
    void persistingAndLoadingRelationships() {
        TutUser u1 = new TutUser("pkrabs", "Pearl Krabs");
        assertEquals(List.of(), u1.getAddresses());
        TutAddress a1 = new TutAddress("pearl.krabs@gmail.com");
        u1.getAddresses().add(a1);
        // SQLAlchemy sets a1.user at once; here the collection is the application's ArrayList until u1 is added to a
        // session (docs/orm-relationships.md, "Back-population"): see docs/user-review-session12.md
        assertNull(a1.getUser(), "not yet: u1 is in no session");
        TutAddress a2 = new TutAddress("pearl@aol.com", u1);
        try (Session session = sessions.openSession()) {
            session.add(u1);
            assertTrue(session.contains(u1) && session.contains(a1), "cascaded into the session (save-update)");
            assertSame(u1, a1.getUser(), "add() back-populated the reference");
            // a2 was only given u1 as its user. SQLAlchemy's backref appends it to u1.addresses at once, so add(u1) cascades
            // to it; here nothing reaches a2: it is in no session and is not written (docs/user-review-session12.md, 2)
            session.flush();
            assertEquals(List.of("pearl.krabs@gmail.com"), emails(u1.getAddresses()));
            assertFalse(session.contains(a2), "not cascaded: u1's collection does not hold it");
            session.add(a2);
            session.flush();
            assertEquals(List.of("pearl.krabs@gmail.com", "pearl@aol.com"), emails(u1.getAddresses()),
                    "once added, its reference reaches the loaded collection at the flush");
            session.commit();
            assertNotNull(u1.getId());
            assertEquals(u1.getId(), a1.getUser().getId());
            statements.clear();
            // after commit the objects are expired; the collection is read again when the session hands u1 out
            TutUser again = session.get(TutUser.class, u1.getId());
            assertSame(u1, again);
            assertEquals(List.of("pearl.krabs@gmail.com", "pearl@aol.com"), emails(again.getAddresses()));
        }
    }

    @Test
    void joinsAcrossTheRelationship() {
        try (Session session = sessions.openSession()) {
            // select(Address.email_address).select_from(User).join(User.addresses)
            // one object per joined row, as SQLAlchemy 2.0's session.scalars(select(User).join(User.addresses)); distinct() for one each
            assertEquals(List.of("sandy", "sandy"), names(session.query(TutUser.class).join(TutUser_.addresses)
                    .filter(TutUser_.name.eq("sandy")).all()));
            assertEquals(List.of("sandy"), names(session.query(TutUser.class).join(TutUser_.addresses)
                    .filter(TutUser_.name.eq("sandy")).distinct().all()));
            List<String> core = session.execute(select(TutAddress_.emailAddress).from(TutUser_.TABLE.join(TutAddress_.TABLE))
                    .where(TutUser_.name.eq("sandy")).orderBy(TutAddress_.emailAddress)).all().stream().map(t -> t._1).toList();
            assertEquals(List.of("sandy@sqlalchemy.org", "sandy@squirrelpower.org"), core);
            // EXISTS forms: User.addresses.any(), Address.user.has(...)
            assertEquals(List.of("spongebob", "sandy"), names(session.query(TutUser.class).filter(TutUser_.addresses.any())
                    .orderBy(TutUser_.id.asc()).all()));
            assertEquals(List.of("sandy@sqlalchemy.org", "sandy@squirrelpower.org"), emails(session.query(TutAddress.class)
                    .filter(TutAddress_.user.has(TutUser_.name.eq("sandy"))).orderBy(TutAddress_.id.asc()).all()));
            // relationship comparisons: Address.user == sandy, with_parent(sandy, User.addresses)
            TutUser sandy = session.query(TutUser.class).filterBy("name", "sandy").one();
            assertEquals(2, session.query(TutAddress.class).filterBy("user", sandy).count());
            assertEquals(2, session.query(TutAddress.class).withParent(sandy, TutUser_.addresses).all().size());
        }
    }

    @Test
    void lazyLoadingIsBatchedForTheWholeResult() {
        try (Session session = sessions.openSession()) {
            List<TutUser> users = session.query(TutUser.class).orderBy(TutUser_.id.asc()).all();
            for (TutUser u : users) u.getAddresses().size();
            StatementReport r = session.statementReport();
            assertEquals(1, r.count("query TutUser"), r.toString());
            assertEquals(1, r.count("lazy load TutUser.addresses"), "one SELECT for the three users: " + r);
        }
    }

    @Test
    void selectinJoinedContainsEagerAndRaise() {
        try (Session session = sessions.openSession()) {
            List<TutUser> users = session.query(TutUser.class).options(selectinLoad(TutUser_.addresses)).orderBy(TutUser_.id.asc()).all();
            assertEquals(2, count("SELECT"));
            assertEquals(List.of("sandy@sqlalchemy.org", "sandy@squirrelpower.org"), emails(users.get(1).getAddresses()));
            assertEquals(2, count("SELECT"));
        }
        statements.clear();
        try (Session session = sessions.openSession()) {
            // joinedload(Address.user, innerjoin=True): Athanor's joinedLoad is always LEFT OUTER JOIN
            List<TutAddress> addresses = session.query(TutAddress.class).options(joinedLoad(TutAddress_.user)).orderBy(TutAddress_.id.asc()).all();
            assertEquals(1, count("SELECT"), statements.toString());
            assertEquals(List.of("spongebob", "sandy", "sandy"), addresses.stream().map(a -> a.getUser().getName()).toList());
            assertEquals(1, count("SELECT"));
        }
        statements.clear();
        try (Session session = sessions.openSession()) {
            List<TutUser> users = session.query(TutUser.class).options(joinedLoad(TutUser_.addresses)).orderBy(TutUser_.id.asc()).limit(2).all();
            assertEquals(List.of("spongebob", "sandy"), names(users), "LIMIT counts users, not joined rows");
            assertEquals(2, users.get(1).getAddresses().size());
            assertEquals(1, count("SELECT"));
        }
        statements.clear();
        try (Session session = sessions.openSession()) {
            // select(Address).join(Address.user).where(User.name == "sandy").options(contains_eager(Address.user))
            List<TutAddress> addresses = session.query(TutAddress.class).join(TutAddress_.user).filter(TutUser_.name.eq("sandy"))
                    .options(containsEager(TutAddress_.user)).all();
            assertEquals(2, addresses.size());
            assertEquals("sandy", addresses.get(0).getUser().getName());
            assertEquals(1, count("SELECT"), statements.toString());
        }
        statements.clear();
        try (Session session = sessions.openSession()) {
            TutUser u = session.query(TutUser.class).options(raiseLoad(TutUser_.addresses)).filterBy("name", "sandy").one();
            RuntimeException e = assertThrows(RuntimeException.class, () -> u.getAddresses().size());
            assertTrue(e.getMessage().contains(".addresses") && e.getMessage().contains("selectinLoad(TutUser_.addresses)"), e.getMessage());
        }
    }

    @Test
    void detachedAccessToAnUnloadedCollectionIsAClearError() {
        TutUser sandy;
        try (Session session = sessions.openSession()) {
            sandy = session.query(TutUser.class).filterBy("name", "sandy").one();
        }
        RuntimeException e = assertThrows(RuntimeException.class, () -> sandy.getAddresses().size());
        assertTrue(e.getMessage().contains("addresses"), e.getMessage());
    }
}
