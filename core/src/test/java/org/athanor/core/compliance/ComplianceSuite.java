package org.athanor.core.compliance;

import java.util.ArrayList;
import java.util.List;
import org.athanor.core.compile.DialectFeatures;
import org.athanor.core.engine.Connection;
import org.athanor.core.engine.Engine;
import org.athanor.core.schema.MetaData;
import org.athanor.core.schema.Table;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.TestInstance;

/**
 * The base of the compliance suite: one engine per test class (created by the dialect module's
 * subclass), tables created per test under unique names and dropped afterwards, because other runs
 * share the same PostgreSQL and MariaDB servers at the same time.
 *
 * <p>Behaviours are switched by {@link DialectFeatures} flags, never by the dialect's name. A dialect
 * module runs the suite by extending each {@code *Suite} class:
 *
 * <pre>{@code
 * class SqliteComplianceTest {
 *     @Nested class Joins extends JoinSuite {
 *         @Override protected Engine newEngine() { return TestDatabases.sqlite(); }
 *     }
 * }
 * }</pre>
 *
 * Note for in-memory SQLite: the engine has exactly one connection, so a test never holds two
 * connections at once (and never calls createAll while holding one).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ComplianceSuite {
    private Engine engine;
    private Engine borrowedFrom;
    private final List<MetaData> created = new ArrayList<>();

    /** A new engine on the database under test; called once per test class. */
    protected abstract Engine newEngine();

    /** The engine of this test class. */
    protected final Engine engine() {
        if (engine == null) engine = newEngine();
        return engine;
    }

    protected final DialectFeatures features() { return engine().dialect().features(); }

    /** The database's name, for assertion messages only (never for switching behaviour). */
    protected final String db() { return engine().dialect().name(); }

    /** Creates the tables (parents first) and drops them after the test. */
    protected final MetaData create(Table... tables) {
        MetaData md = MetaData.of(tables);
        created.add(md);
        md.createAll(engine());
        return md;
    }

    /** Runs {@code work} on a connection and commits. */
    protected final void commit(java.util.function.Consumer<Connection> work) { engine().inTransaction(work); }

    @AfterEach
    void dropCreatedTables() {
        RuntimeException first = null;
        for (int i = created.size() - 1; i >= 0; i--) {
            try {
                created.get(i).dropAll(engine());
            } catch (RuntimeException e) {
                if (first == null) first = e;
            }
        }
        created.clear();
        if (first != null) throw first;
    }

    @AfterAll
    void closeEngine() {
        if (engine != null) release(engine);
    }

    /** Closes the engine after the class (and the engine whose pool it borrowed, if any). */
    protected void release(Engine e) {
        try {
            e.close();
        } finally {
            if (borrowedFrom != null) borrowedFrom.close();
        }
    }

    /**
     * An engine over {@code base}'s pool with other dialect features, to run a code path another
     * server version takes (MySQL 8's missing RETURNING, proven on MariaDB). Both engines are closed
     * after the class. The dialect's {@code forServer} runs again on the changed dialect, so the
     * result is checked to keep the features asked for.
     */
    protected final Engine withFeatures(Engine base, java.util.function.UnaryOperator<DialectFeatures.Builder> change) {
        borrowedFrom = base;
        DialectFeatures wanted = change.apply(base.dialect().features().toBuilder()).build();
        Engine e = Engine.of(base.dataSource(), base.dialect().withFeatures(wanted));
        org.junit.jupiter.api.Assertions.assertEquals(wanted.supportsReturning(), e.dialect().features().supportsReturning(),
                "the dialect's forServer() replaced the RETURNING flag the suite asked for");
        return e;
    }
}
