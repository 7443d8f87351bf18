package org.athanor.migrations;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import org.athanor.core.engine.Engine;
import org.athanor.core.testing.TestDatabases;

/**
 * A database of its own for one test: a temporary SQLite file, or a database created on the shared
 * PostgreSQL/MariaDB server under a unique name and dropped on close, so that concurrent runs and
 * other tables on the server never meet this test's.
 */
final class ScratchDatabase implements AutoCloseable {
    enum Kind { SQLITE, POSTGRES, MARIADB }

    final Kind kind;
    final Engine engine;
    private final Engine admin;
    private final String name;
    private final Path dir;

    private ScratchDatabase(Kind kind, Engine engine, Engine admin, String name, Path dir) {
        this.kind = kind;
        this.engine = engine;
        this.admin = admin;
        this.name = name;
        this.dir = dir;
    }

    static ScratchDatabase open(Kind kind) throws Exception {
        if (kind == Kind.SQLITE) {
            Path dir = Files.createTempDirectory("athanor-mig");
            return new ScratchDatabase(kind, Engine.create("sqlite:///" + dir.resolve("db.sqlite")), null, null, dir);
        }
        Engine admin = kind == Kind.POSTGRES ? TestDatabases.postgres() : TestDatabases.mysql();
        String name = TestDatabases.uniqueName("athanor_mig");
        String base = kind == Kind.POSTGRES ? TestDatabases.postgresUrl() : TestDatabases.mysqlUrl();
        autocommit(admin, "CREATE DATABASE " + name);
        try {
            return new ScratchDatabase(kind, Engine.create(base.substring(0, base.lastIndexOf('/') + 1) + name), admin, name, null);
        } catch (RuntimeException e) {
            autocommit(admin, "DROP DATABASE " + name);
            admin.close();
            throw e;
        }
    }

    static void autocommit(Engine engine, String sql) throws SQLException {
        try (java.sql.Connection c = engine.dataSource().getConnection()) {
            c.setAutoCommit(true);
            try (var st = c.createStatement()) { st.execute(sql); }
        }
    }

    @Override
    public void close() throws Exception {
        engine.close();
        if (admin != null) {
            try {
                autocommit(admin, kind == Kind.POSTGRES ? "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)" : "DROP DATABASE IF EXISTS " + name);
            } finally {
                admin.close();
            }
        }
        if (dir != null) try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
