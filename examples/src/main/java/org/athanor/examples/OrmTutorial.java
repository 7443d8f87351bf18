package org.athanor.examples;

import static org.athanor.core.sql.Sql.*;
import static org.athanor.examples.CoreTutorial.say;
import static org.athanor.examples.CoreTutorial.section;

import io.vavr.Tuple2;
import java.util.List;
import org.athanor.core.engine.Engine;
import org.athanor.core.error.IntegrityError;
import org.athanor.orm.Registry;
import org.athanor.orm.Session;
import org.athanor.orm.SessionFactory;

/** The ORM half of the quickstart: SQLAlchemy's ORM tutorial with a mapped User class. */
final class OrmTutorial {
    private OrmTutorial() {}

    /** A read-only projection: record components match attribute names. */
    record NameAge(String name, Integer age) {}

    static void run(Engine engine) {
        section("ORM: map User (User_ is the generated typed metamodel) and create its table");
        Registry registry = Registry.of(User.class);
        registry.metadata().createAll(engine);
        SessionFactory sessions = SessionFactory.of(engine, registry);

        try (Session session = sessions.openSession()) {
            section("ORM: add and addAll, then commit: one multi-row INSERT, ids assigned");
            User ed = new User("ed", "ed@example.com", 41);
            session.add(ed);
            say("before flush: " + session.inspect(ed).state());
            session.addAll(List.of(new User("wendy", "wendy@example.com", 29),
                    new User("mary", "mary@example.com", 35),
                    new User("fred", "fred@example.com", 52)));
            session.commit();
            say("after commit: " + session.inspect(ed).state() + ", id " + ed.getId());

            section("ORM: query all, filterBy, filter with or/and, orderBy desc, limit/offset");
            say("all: " + session.query(User.class).orderBy(User_.id).all());
            User wendy = session.query(User.class).filterBy("name", "wendy").one();
            say("filterBy name=wendy: " + wendy);
            say("same object from get (identity map, no SQL): " + (session.get(User.class, wendy.getId()) == wendy));
            say("age > 40 or name = 'mary': " + session.query(User.class)
                    .filter(or(User_.age.gt(40), User_.name.eq("mary"))).orderBy(User_.age.desc()).all());
            say("age > 20 and email like %example.com, page 2 of size 2: " + session.query(User.class)
                    .filter(and(User_.age.gt(20), User_.email.endsWith("@example.com")))
                    .orderBy(User_.age.desc()).limit(2).offset(2).all());
            say("count: " + session.query(User.class).count());
            say("as records: " + session.query(User.class).orderBy(User_.name).project(NameAge.class));
            List<Tuple2<String, Integer>> tuples = session.execute(select(User_.name, User_.age).where(User_.age.lt(40))).all();
            say("as tuples: " + tuples);

            section("ORM: change an attribute and commit: UPDATE of the changed column only");
            ed.setEmail("ed@athanor.example");
            say("dirty: " + session.getDirty());
            session.commit();

            section("ORM: delete");
            session.delete(session.query(User.class).filterBy("name", "fred").one());
            session.commit();
            say("left: " + session.query(User.class).orderBy(User_.id).all());

            section("ORM: a failed flush rolls back; rollback() discards the work and the session goes on");
            User twin = new User("ed2", "wendy@example.com", 30); // the email is unique: this insert fails
            session.add(twin);
            try {
                session.commit();
            } catch (IntegrityError e) { // the database's error, by its own type
                say("flush failed: " + e.getMessage().lines().findFirst().orElse(""));
                session.rollback(); // discards the transaction's work: twin is expunged
                say("twin is " + session.inspect(twin).state() + " again; fixing its email, adding it again and committing");
                twin.setEmail("ed2@example.com");
                session.add(twin);
                session.commit();
            }
            say("users now: " + session.query(User.class).count());
        }
    }
}
