package org.athanor.orm;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.athanor.core.dialect.Dialect;
import org.athanor.core.compile.DialectFeatures;
import org.athanor.core.engine.Engine;
import org.athanor.core.testing.TestDatabases;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * A private database for one test class, safe beside concurrent runs on the shared servers: a
 * temporary SQLite file, a PostgreSQL schema, or a MariaDB database, each with a unique name, dropped
 * at the end. ORM tables have fixed names (from @Table), so isolation is by namespace, not by name.
 */
public abstract class TestDb implements AutoCloseable {
    @Override public abstract void close();

    public abstract Engine engine();

    /** Runs work in a committed transaction (Engine.inTransaction). */
    static void tx(Engine engine, java.util.function.Consumer<org.athanor.core.engine.Connection> work) { engine.inTransaction(work); }

    public abstract String description();

    /**
     * A database prepared by the caller, for a dialect outside this module running the shared suites
     * (SessionTestBase, QueryTestBase, ... in athanor-orm's test-jar): {@code engine} must hold no ORM
     * tables yet (a fresh schema or database); {@code close} closes it and drops what the suite created.
     */
    public static TestDb of(Engine engine, String description, Runnable close) {
        return new TestDb() {
            @Override public Engine engine() { return engine; }
            @Override public String description() { return description; }
            @Override public void close() { close.run(); }
        };
    }

    static TestDb sqlite() { return new SqliteDb(null); }

    /** SQLite with some capabilities switched off, to exercise the other key-returning paths. */
    static TestDb sqlite(java.util.function.UnaryOperator<DialectFeatures.Builder> features) { return new SqliteDb(features); }

    static TestDb postgres() {
        Engine admin = TestDatabases.postgres();
        String schema = TestDatabases.uniqueName("orm");
        try {
            TestDb.tx(admin, c -> c.executeSql("CREATE SCHEMA " + schema));
            Engine e = TestDatabases.server("PostgreSQL", TestDatabases.postgresUrl(),
                    TestDatabases.strict().poolSize(4).driverProperties(Map.of("currentSchema", schema)));
            return new ServerDb(e, admin, "DROP SCHEMA " + schema + " CASCADE", "PostgreSQL schema " + schema);
        } catch (RuntimeException ex) {
            admin.close();
            throw ex;
        }
    }

    static TestDb mariadb() { return mariadb(""); }

    /** MariaDB with extra URL parameters, e.g. {@code athanor_returning=false} for MySQL 8's path (keys from getGeneratedKeys). */
    static TestDb mariadb(String urlParameters) {
        Engine admin = TestDatabases.mysql();
        String db = TestDatabases.uniqueName("orm");
        try {
            TestDb.tx(admin, c -> c.executeSql("CREATE DATABASE " + db));
            String url = TestDatabases.mysqlUrl();
            int slash = url.indexOf('/', url.indexOf("://") + 3);
            int q = url.indexOf('?');
            String params = q >= 0 ? url.substring(q) : "";
            if (!urlParameters.isEmpty()) params = (params.isEmpty() ? "?" : params + "&") + urlParameters;
            String dbUrl = url.substring(0, slash + 1) + db + params;
            Engine e = TestDatabases.server("MariaDB", dbUrl, TestDatabases.strict().poolSize(4));
            return new ServerDb(e, admin, "DROP DATABASE " + db, "MariaDB database " + db);
        } catch (RuntimeException ex) {
            admin.close();
            throw ex;
        }
    }

    private static final class SqliteDb extends TestDb {
        private final Path file;
        private final Engine engine;

        SqliteDb(java.util.function.UnaryOperator<DialectFeatures.Builder> features) {
            try {
                file = Files.createTempFile("athanor-orm", ".db");
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
            String url = "sqlite:///" + file.toAbsolutePath();
            if (features == null) {
                engine = Engine.create(url, TestDatabases.strict().poolSize(4));
            } else {
                Dialect base;
                try (Engine probe = Engine.create(url)) {
                    base = probe.dialect();
                }
                SQLiteConfig cfg = new SQLiteConfig();
                cfg.setBusyTimeout(10_000);
                cfg.enforceForeignKeys(true);
                SQLiteDataSource ds = new SQLiteDataSource(cfg);
                ds.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
                engine = Engine.of(ds, base.withFeatures(features.apply(base.features().toBuilder()).build()), TestDatabases.strict());
            }
        }

        @Override public Engine engine() { return engine; }
        @Override public String description() { return "SQLite " + file + " " + engine.dialect().features(); }

        @Override public void close() {
            engine.close();
            try {
                Files.deleteIfExists(file);
                Files.deleteIfExists(Path.of(file + "-wal"));
                Files.deleteIfExists(Path.of(file + "-shm"));
            } catch (java.io.IOException ignored) {
                // a temp file left behind is harmless
            }
        }
    }

    private static final class ServerDb extends TestDb {
        private final Engine engine;
        private final Engine admin;
        private final String drop;
        private final String description;

        ServerDb(Engine engine, Engine admin, String drop, String description) {
            this.engine = engine;
            this.admin = admin;
            this.drop = drop;
            this.description = description;
        }

        @Override public Engine engine() { return engine; }
        @Override public String description() { return description; }

        @Override public void close() {
            engine.close();
            try {
                TestDb.tx(admin, c -> c.executeSql(drop));
            } finally {
                admin.close();
            }
        }
    }
}
