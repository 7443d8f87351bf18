package org.athanor.orm;

import static org.athanor.core.sql.Sql.deleteFrom;
import static org.athanor.core.sql.Sql.selectFrom;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.athanor.core.engine.Engine;
import org.athanor.core.schema.Table;
import org.athanor.core.sql.Row;
import org.athanor.orm.model.Model;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

/**
 * Shared fixture: a private database per test class with the model's tables, emptied before each
 * test, and a log of the statements the engine ran.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class OrmTestBase {
    TestDb db;
    Engine engine;
    SessionFactory sessions;
    final List<String> statements = new CopyOnWriteArrayList<>();

    /** The database this subclass runs on. */
    abstract TestDb openDatabase();

    @BeforeAll
    void setUpDatabase() {
        db = openDatabase();
        engine = db.engine();
        Model.REGISTRY.metadata().createAll(engine);
        sessions = SessionFactory.of(engine, Model.REGISTRY);
        engine.addStatementListener(statements::add);
    }

    @AfterAll
    void tearDownDatabase() {
        if (db != null) db.close();
    }

    @BeforeEach
    void emptyTables() {
        TestDb.tx(engine, c -> {
            List<Table> tables = Model.REGISTRY.metadata().sortedTables();
            for (int i = tables.size() - 1; i >= 0; i--) c.execute(deleteFrom(tables.get(i)));
        });
        statements.clear();
    }

    /** The rows of a mapped table, read on a separate connection (so: committed data only). */
    List<Row> committedRows(Class<?> entity) {
        Table t = Model.REGISTRY.table(entity);
        java.util.function.Function<org.athanor.core.engine.Connection, List<Row>> read = c -> c.execute(selectFrom(t).orderBy(t.primaryKeyColumns().get(0))).all();
        return engine.fromTransaction(read);
    }

    long countStatements(String prefix) {
        return statements.stream().filter(s -> s.trim().toUpperCase(java.util.Locale.ROOT).startsWith(prefix)).count();
    }
}
