package org.athanor.orm.tutorial;

import static org.athanor.core.sql.Sql.select;
import static org.junit.jupiter.api.Assertions.*;

import io.vavr.Tuple2;
import java.util.List;
import org.athanor.orm.Session;
import org.junit.jupiter.api.Test;

/** SQLAlchemy's ORM quickstart, step by step: select with IN, a join, changes, delete-orphan, delete with cascade. */
public abstract class QuickstartTestBase extends TutorialTestBase {
    @Test
    void simpleSelect() {
        try (Session session = sessions.openSession()) {
            // select(User).where(User.name.in_(["spongebob", "sandy"]))
            List<TutUser> users = session.query(TutUser.class).filter(TutUser_.name.in("spongebob", "sandy")).orderBy(TutUser_.id.asc()).all();
            assertEquals(List.of("spongebob", "sandy"), names(users));
            // the 2.0 form, session.select(...)
            assertEquals(List.of("sandy", "spongebob"),
                    names(session.select(TutUser.class).filter(TutUser_.name.in("spongebob", "sandy")).orderBy(TutUser_.name.asc()).all()));
            assertEquals(2, count("SELECT"));
        }
    }

    @Test
    void selectWithJoin() {
        try (Session session = sessions.openSession()) {
            // select(Address).join(Address.user).where(User.name == "sandy").where(Address.email_address == "sandy@sqlalchemy.org")
            TutAddress sandyAddress = session.query(TutAddress.class).join(TutAddress_.user).filter(TutUser_.name.eq("sandy"))
                    .filter(TutAddress_.emailAddress.eq("sandy@sqlalchemy.org")).one();
            assertEquals("sandy@sqlalchemy.org", sandyAddress.getEmailAddress());
            assertEquals("sandy", sandyAddress.getUser().getName(), "the many-to-one is loaded with the result");
        }
    }

    @Test
    void filtersOrderLimitOffsetCountAndProjections() {
        try (Session session = sessions.openSession()) {
            assertEquals(List.of("sandy"), names(session.query(TutUser.class).orderBy(TutUser_.name.asc()).limit(1).offset(1).all()));
            assertEquals(2, session.query(TutUser.class).filter(TutUser_.fullname.like("S%")).count());
            assertNull(session.query(TutUser.class).filterBy("name", "nobody").oneOrNull());
            assertEquals("patrick", session.query(TutUser.class).orderBy(TutUser_.name.asc()).first().getName());
            // entity plus aggregate: users with their number of addresses
            List<Tuple2<TutUser, Long>> perUser = session.query(TutUser.class).outerJoin(TutUser_.addresses).groupBy(TutUser_.id, TutUser_.name, TutUser_.fullname)
                    .orderBy(TutUser_.id.asc()).allWith(org.athanor.core.sql.Sql.count(TutAddress_.id));
            assertEquals(List.of("spongebob=1", "sandy=2", "patrick=0"),
                    perUser.stream().map(t -> t._1.getName() + "=" + t._2).toList());
            // a Core select through the session
            List<Tuple2<String, String>> rows = session.execute(select(TutUser_.name, TutAddress_.emailAddress)
                    .from(TutUser_.TABLE.join(TutAddress_.TABLE)).where(TutUser_.name.eq("sandy")).orderBy(TutAddress_.emailAddress)).all();
            assertEquals(List.of("sandy@sqlalchemy.org", "sandy@squirrelpower.org"), rows.stream().map(Tuple2::_2).toList());
        }
    }

    @Test
    void makeChanges() {
        try (Session session = sessions.openSession()) {
            TutAddress sandyAddress = session.query(TutAddress.class).filterBy("emailAddress", "sandy@sqlalchemy.org").one();
            TutUser patrick = session.query(TutUser.class).filter(TutUser_.name.eq("patrick")).one();
            // (a query between the two changes would autoflush the first, as in SQLAlchemy)
            patrick.getAddresses().add(new TutAddress("patrickstar@sqlalchemy.org"));
            sandyAddress.setEmailAddress("sandy_cheeks@sqlalchemy.org");
            statements.clear();
            session.commit();
            assertEquals(1, count("INSERT"), statements.toString());
            assertEquals(1, count("UPDATE"), statements.toString());
            assertEquals(patrick, patrick.getAddresses().get(0).getUser(), "back-populated when appended");
        }
        try (Session session = sessions.openSession()) {
            assertEquals(List.of("patrickstar@sqlalchemy.org"),
                    emails(session.query(TutUser.class).filterBy("name", "patrick").one().getAddresses()));
            assertEquals(1, session.query(TutAddress.class).filter(TutAddress_.emailAddress.eq("sandy_cheeks@sqlalchemy.org")).count());
        }
    }

    @Test
    void someDeletes() {
        try (Session session = sessions.openSession()) {
            TutUser sandy = session.query(TutUser.class).filterBy("name", "sandy").one();
            TutUser sameSandy = session.get(TutUser.class, sandy.getId());
            assertSame(sandy, sameSandy, "identity map");
            TutAddress sandyAddress = sandy.getAddresses().get(0);
            sandy.getAddresses().remove(sandyAddress);
            assertNull(sandyAddress.getUser(), "removing from the collection clears the reference at once");
            statements.clear();
            session.flush();
            assertEquals(List.of(1L), List.of(count("DELETE")), "delete-orphan: " + statements);
            TutUser patrick = session.query(TutUser.class).filterBy("name", "patrick").one();
            session.delete(patrick);
            session.commit();
        }
        try (Session session = sessions.openSession()) {
            assertEquals(List.of("spongebob", "sandy"), names(session.query(TutUser.class).orderBy(TutUser_.id.asc()).all()));
            assertEquals(List.of("sandy@squirrelpower.org"), emails(session.query(TutUser.class).filterBy("name", "sandy").one().getAddresses()));
        }
    }

    @Test
    void deletingAUserDeletesItsAddresses() {
        try (Session session = sessions.openSession()) {
            session.delete(session.query(TutUser.class).filterBy("name", "sandy").one());
            statements.clear();
            session.commit();
            assertEquals(2, count("DELETE"), "the addresses (one statement), then the user: " + statements);
        }
        try (Session session = sessions.openSession()) {
            assertEquals(1, session.query(TutAddress.class).count());
        }
    }
}
