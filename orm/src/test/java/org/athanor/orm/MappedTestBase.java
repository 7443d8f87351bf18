package org.athanor.orm;

import static org.athanor.core.sql.Sql.deleteFrom;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import org.athanor.core.engine.Connection;
import org.athanor.core.engine.Engine;
import org.athanor.core.schema.Table;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

/**
 * The set-up the ORM's per-database suites share: a private database per test class with the tables of
 * {@link #registry()}, a session factory over it, a log of the statements the engine ran, and every row
 * deleted (and the log cleared) before each test. Subclasses name their registry and override a hook
 * where they differ: {@link #sessionFactory} (options), {@link #deleteRows} (order, cycles) and
 * {@link #emptyAfterAll} (leave nothing behind on a shared server).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class MappedTestBase {
    TestDb db;
    Engine engine;
    SessionFactory sessions;
    final List<String> statements = new CopyOnWriteArrayList<>();

    /** The database this subclass runs on. */
    protected abstract TestDb openDatabase();

    /** The mapped classes whose tables the suite creates and empties. */
    abstract Registry registry();

    /** The factory the tests open sessions from; override to add options. */
    SessionFactory sessionFactory(Engine engine) {
        return SessionFactory.of(engine, registry());
    }

    /** Deletes every row, children before parents; override when the order or a cycle needs more. */
    void deleteRows(Connection c) {
        List<Table> tables = registry().metadata().sortedTables();
        for (int i = tables.size() - 1; i >= 0; i--) c.execute(deleteFrom(tables.get(i)));
    }

    /** Whether the rows are deleted once more after the last test, before the database closes. */
    boolean emptyAfterAll() {
        return false;
    }

    @BeforeAll
    void setUpDatabase() {
        db = openDatabase();
        engine = db.engine();
        registry().metadata().createAll(engine);
        sessions = sessionFactory(engine);
        engine.addStatementListener(statements::add);
    }

    @AfterAll
    void tearDownDatabase() {
        if (db == null) return;
        if (emptyAfterAll()) emptyTables();
        db.close();
    }

    @BeforeEach
    void emptyTables() {
        TestDb.tx(engine, this::deleteRows);
        statements.clear();
    }

    /** How many logged statements start with {@code prefix} (upper case, e.g. "SELECT"). */
    long count(String prefix) {
        return statements.stream().filter(s -> s.trim().toUpperCase(Locale.ROOT).startsWith(prefix)).count();
    }
}
