package org.athanor.orm.tutorial;

import static org.athanor.core.sql.Sql.deleteFrom;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import org.athanor.core.engine.Engine;
import org.athanor.orm.Registry;
import org.athanor.orm.Session;
import org.athanor.orm.SessionFactory;
import org.athanor.orm.TestDb;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

/**
 * What a new user does first, from README.md and docs/ only: SQLAlchemy's ORM quickstart and its "Working with ORM
 * related objects" tutorial, as Athanor code, on a private database per class (a SQLite file, a PostgreSQL schema, a
 * MariaDB database). The fixture is the quickstart's: spongebob (1 address), sandy (2), patrick (none).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class TutorialTestBase {
    static final Registry REGISTRY = Registry.of(TutUser.class, TutAddress.class);
    TestDb db;
    Engine engine;
    SessionFactory sessions;
    final List<String> statements = new CopyOnWriteArrayList<>();

    protected abstract TestDb openDatabase();

    @BeforeAll
    void setUpDatabase() {
        db = openDatabase();
        engine = db.engine();
        REGISTRY.metadata().createAll(engine);                       // metadata.create_all(engine)
        sessions = SessionFactory.of(engine, REGISTRY).withStatementReport();
        engine.addStatementListener(statements::add);
    }

    @AfterAll
    void tearDownDatabase() { if (db != null) db.close(); }

    @BeforeEach
    void quickstartRows() {
        engine.inTransaction(c -> {
            c.execute(deleteFrom(REGISTRY.table(TutAddress.class)));
            c.execute(deleteFrom(REGISTRY.table(TutUser.class)));
        });
        try (Session session = sessions.openSession()) {
            TutUser spongebob = new TutUser("spongebob", "Spongebob Squarepants");
            spongebob.getAddresses().add(new TutAddress("spongebob@sqlalchemy.org"));
            TutUser sandy = new TutUser("sandy", "Sandy Cheeks");
            sandy.getAddresses().add(new TutAddress("sandy@sqlalchemy.org"));
            sandy.getAddresses().add(new TutAddress("sandy@squirrelpower.org"));
            TutUser patrick = new TutUser("patrick", "Patrick Star");
            session.addAll(List.of(spongebob, sandy, patrick));
            session.commit();
        }
        statements.clear();
    }

    long count(String prefix) {
        return statements.stream().filter(s -> s.trim().toUpperCase(Locale.ROOT).startsWith(prefix)).count();
    }

    static List<String> emails(java.util.Collection<TutAddress> as) { return as.stream().map(TutAddress::getEmailAddress).toList(); }

    static List<String> names(java.util.Collection<TutUser> us) { return us.stream().map(TutUser::getName).toList(); }
}
