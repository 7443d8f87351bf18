package org.athanor.codegen;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import org.athanor.core.engine.Engine;
import org.athanor.core.testing.TestDatabases;

/** Chinook loaded into a database created for the test on a shared server, dropped on close. */
final class ServerChinook implements AutoCloseable {
    final Engine engine;
    private final Engine admin;
    private final String name;
    private final boolean postgres;

    private ServerChinook(Engine engine, Engine admin, String name, boolean postgres) {
        this.engine = engine;
        this.admin = admin;
        this.name = name;
        this.postgres = postgres;
    }

    static ServerChinook open(boolean postgres, Path tmp) throws Exception {
        Engine admin = postgres ? TestDatabases.postgres() : TestDatabases.mysql();
        String name = TestDatabases.uniqueName("chinook");
        String base = postgres ? TestDatabases.postgresUrl() : TestDatabases.mysqlUrl();
        autocommit(admin, "CREATE DATABASE " + name);
        ServerChinook db = null;
        try {
            db = new ServerChinook(Engine.create(base.substring(0, base.lastIndexOf('/') + 1) + name), admin, name, postgres);
            try (Engine sqlite = Chinook.sqliteCopy(Files.createDirectories(tmp.resolve("source")))) {
                Chinook.load(sqlite, db.engine);
            }
            return db;
        } catch (Exception | Error e) {
            if (db != null) db.close();
            else {
                autocommit(admin, "DROP DATABASE IF EXISTS " + name);
                admin.close();
            }
            throw e;
        }
    }

    private static void autocommit(Engine engine, String sql) throws SQLException {
        try (java.sql.Connection c = engine.dataSource().getConnection()) {
            c.setAutoCommit(true);
            try (var st = c.createStatement()) { st.execute(sql); }
        }
    }

    @Override
    public void close() throws Exception {
        engine.close();
        try {
            autocommit(admin, "DROP DATABASE IF EXISTS " + name + (postgres ? " WITH (FORCE)" : ""));
        } finally {
            admin.close();
        }
    }
}
