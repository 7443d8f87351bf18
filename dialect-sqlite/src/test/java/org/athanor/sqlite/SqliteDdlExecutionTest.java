package org.athanor.sqlite;

import static org.athanor.core.fixtures.Posts.POSTS;
import static org.athanor.core.fixtures.Users.USERS;
import static org.athanor.core.sql.Sql.*;
import static org.athanor.sqlite.Employees.EMPLOYEES;
import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.athanor.core.engine.Connection;
import org.athanor.core.engine.Engine;
import org.athanor.core.error.CompileError;
import org.athanor.core.error.ProgrammingError;
import org.athanor.core.schema.MetaData;
import org.athanor.core.schema.Sequence;
import org.athanor.core.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The three SQLite URL forms on real files and memory, createAll/dropAll in foreign-key order, sequences skipped. */
class SqliteDdlExecutionTest {
    @TempDir Path dir;

    static List<String> tableNames(Engine engine) {
        try (Connection c = engine.connect()) {
            return c.execute(text("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%' ORDER BY name"))
                    .all().stream().map(r -> (String) r.get(0)).toList();
        }
    }

    /** Creates users, writes a row, and reads it back through a second engine on the same file. */
    private void roundTripThroughAFile(String url, Path expectedFile) {
        try (Engine engine = Engine.create(url)) {
            MetaData.of(USERS).createAll(engine);
            engine.inTransaction(c -> { c.execute(insert(USERS).set(USERS.NAME, "file")); });
        }
        assertTrue(Files.exists(expectedFile), "the database file " + expectedFile + " was not created for " + url);
        try (Engine again = Engine.create(url)) {
            try (Connection c = again.connect()) {
                assertEquals("file", c.execute(select(USERS.NAME)).one()._1);
                // files run in WAL mode so that pooled writers wait for each other
                assertEquals("wal", c.execute(text("PRAGMA journal_mode")).one().get(0));
                assertEquals(1, ((Number) c.execute(text("PRAGMA foreign_keys")).one().get(0)).intValue());
            }
        }
    }

    @Test
    void relativeFileUrlIsRelativeToTheWorkingDirectory() {
        Path file = dir.resolve("relative.db");
        // a relative path from the working directory into the @TempDir, so JUnit cleans it up
        String relative = Path.of("").toAbsolutePath().relativize(file.toAbsolutePath()).toString();
        assertFalse(relative.startsWith("/"), relative);
        roundTripThroughAFile("sqlite:///" + relative, file);
    }

    @Test
    void absoluteFileUrlTakesFourSlashes() {
        Path file = dir.resolve("absolute.db").toAbsolutePath();
        assertTrue(file.toString().startsWith("/"));
        roundTripThroughAFile("sqlite:///" + file, file);
    }

    @Test
    void plainJdbcUrlsWorkToo() {
        Path file = dir.resolve("jdbc.db").toAbsolutePath();
        roundTripThroughAFile("jdbc:sqlite:" + file, file);
        for (String memory : List.of("jdbc:sqlite::memory:", "sqlite:///:memory:"))
            try (Engine engine = Engine.create(memory)) {
                MetaData.of(USERS).createAll(engine);
                engine.inTransaction(c -> { c.execute(insert(USERS).set(USERS.NAME, "m")); });
                try (Connection c = engine.connect()) {
                    assertEquals("m", c.execute(select(USERS.NAME)).one()._1, memory);
                }
            }
    }

    @Test
    void executeStatementAndExecuteSqlRunAnything() {
        try (Engine engine = Engine.create("sqlite://")) {
            try (Connection c = engine.connect()) {
                c.executeSql("CREATE TABLE raw_t (a INTEGER, b TEXT)");
                c.executeStatement(text("INSERT INTO raw_t VALUES (:a, :b)").bind("a", 1).bind("b", "x"));
                c.executeStatement(insert(org.athanor.core.schema.Table.of("raw_t",
                        org.athanor.core.schema.Table.col("a", org.athanor.core.type.SqlTypes.INTEGER),
                        org.athanor.core.schema.Table.col("b", org.athanor.core.type.SqlTypes.TEXT))).defaultValues());
                assertEquals(java.util.Arrays.asList(1, null), c.execute(text("SELECT a FROM raw_t ORDER BY a IS NULL")).all().stream().map(r -> r.get("a")).toList());
            }
        }
    }

    @Test
    void memoryDatabaseIsOneConnectionThatOutlivesEachConnect() {
        try (Engine engine = Engine.create("sqlite://")) {
            MetaData.of(USERS).createAll(engine);
            try (Connection c = engine.connect()) {
                c.execute(insert(USERS).set(USERS.NAME, "kept"));
                c.commit();
            }
            try (Connection c = engine.connect()) {
                c.execute(insert(USERS).set(USERS.NAME, "rolled back on close"));
            }
            for (int i = 0; i < 3; i++)
                try (Connection c = engine.connect()) {
                    assertEquals(List.of("kept"), c.execute(select(USERS.NAME)).all().stream().map(t -> t._1).toList());
                }
        }
    }

    @Test
    void aNestedConnectOnTheMemoryDatabaseFailsAtOnceInsteadOfTimingOut() throws Exception {
        try (Engine engine = Engine.create("sqlite://")) {
            try (Connection held = engine.connect()) {
                long start = System.nanoTime();
                IllegalStateException e = assertThrows(IllegalStateException.class, () -> MetaData.of(USERS).createAll(engine));
                assertTrue(System.nanoTime() - start < 5_000_000_000L, "must not wait for the pool timeout");
                assertTrue(e.getMessage().startsWith("sqlite:// has a single connection and this thread already holds it"), e.getMessage());
                // another thread waits for the connection instead, and gets it once it is released
                var other = java.util.concurrent.Executors.newSingleThreadExecutor();
                try {
                    var f = other.submit(() -> { MetaData.of(USERS).createAll(engine); return true; });
                    Thread.sleep(200);
                    assertFalse(f.isDone(), "the other thread waits for the single connection");
                    held.close();
                    assertTrue(f.get(30, java.util.concurrent.TimeUnit.SECONDS));
                } finally {
                    other.shutdownNow();
                }
            }
            MetaData.of(USERS).createAll(engine);
            assertEquals(List.of("users"), tableNames(engine));
        }
    }

    @Test
    void createAllOrdersParentsFirstAndDropAllChildrenFirst() {
        try (Engine engine = Engine.create("sqlite://")) {
            MetaData md = MetaData.of(POSTS, USERS, EMPLOYEES); // declared child first on purpose; employees only references itself
            assertEquals(List.of(
                    "CREATE TABLE IF NOT EXISTS users (id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, name VARCHAR(50) NOT NULL, "
                            + "age INTEGER, email VARCHAR(100), UNIQUE (email))",
                    "CREATE INDEX IF NOT EXISTS ix_users_age ON users (age)",
                    "CREATE TABLE IF NOT EXISTS employees (id BIGINT NOT NULL, name TEXT NOT NULL, manager_id BIGINT, "
                            + "PRIMARY KEY (id), FOREIGN KEY (manager_id) REFERENCES employees (id))",
                    "CREATE TABLE IF NOT EXISTS posts (id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, user_id BIGINT NOT NULL, "
                            + "title VARCHAR(200) NOT NULL, body TEXT, FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE)"),
                    engine.ddl().createStatements(md, true));
            assertEquals(List.of("DROP TABLE IF EXISTS posts", "DROP TABLE IF EXISTS employees", "DROP TABLE IF EXISTS users"),
                    engine.ddl().dropStatements(md, true));
            assertEquals(List.of("DROP TABLE posts", "DROP TABLE employees", "DROP TABLE users"), engine.ddl().dropStatements(md, false));

            md.createAll(engine);
            md.createAll(engine); // IF NOT EXISTS: a second run is harmless
            assertEquals(List.of("employees", "posts", "users"), tableNames(engine));
            ProgrammingError again = assertThrows(ProgrammingError.class, () -> md.createAll(engine, false));
            assertTrue(again.getMessage().contains("already exists"), again.getMessage());

            // foreign keys are enforced, so the drop order matters with rows in place
            engine.inTransaction(c -> {
                long id = c.insertReturningKeys(insert(USERS).set(USERS.NAME, "u"), USERS.ID).get(0);
                c.execute(insert(POSTS).set(POSTS.USER_ID, id).set(POSTS.TITLE, "t"));
            });
            md.dropAll(engine);
            assertEquals(List.of(), tableNames(engine));
            md.dropAll(engine); // IF EXISTS
            ProgrammingError missing = assertThrows(ProgrammingError.class, () -> md.dropAll(engine, false));
            assertTrue(missing.getMessage().contains("no such table"), missing.getMessage());
        }
    }

    @Test
    void sequencesAreSkippedSilentlyBecauseSqliteHasNone() {
        try (Engine engine = Engine.create("sqlite://")) {
            MetaData md = MetaData.of(USERS).add(Sequence.of("order_no").startWith(1000));
            assertEquals(List.of(
                    "CREATE TABLE IF NOT EXISTS users (id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, name VARCHAR(50) NOT NULL, "
                            + "age INTEGER, email VARCHAR(100), UNIQUE (email))",
                    "CREATE INDEX IF NOT EXISTS ix_users_age ON users (age)"), engine.ddl().createStatements(md, true));
            assertEquals(List.of("DROP TABLE users"), engine.ddl().dropStatements(md, false));
            md.createAll(engine);
            md.createAll(engine);
            try (Connection c = engine.connect()) {
                assertEquals(List.of("index:ix_users_age", "table:users"),
                        c.execute(text("SELECT type || ':' || name FROM sqlite_master WHERE name NOT LIKE 'sqlite%' ORDER BY name"))
                                .all().stream().map(r -> (String) r.get(0)).toList(), "nothing but the table and its index");
            }
            md.dropAll(engine);
            assertEquals(List.of(), tableNames(engine));
            CompileError e = assertThrows(CompileError.class, () -> engine.dialect().ddl().createSequence(md.sequence("order_no"), true));
            assertTrue(e.getMessage().startsWith("SQLite has no sequences, so there is no CREATE SEQUENCE for order_no"), e.getMessage());
        }
    }

    @Test
    void quotedIdentifiersCreateInsertAndSelect() {
        try (Engine engine = Engine.create("sqlite://")) {
            MetaData.of(SqliteDmlCompilerTest.WEIRD).createAll(engine);
            var t = SqliteDmlCompilerTest.WEIRD;
            try (Connection c = engine.connect()) {
                c.execute(insert(t).set(t.column("id", Long.class), 1L).set(t.column("we\"ird", String.class), "q")
                        .set(t.column("my col", String.class), "s").set(t.column("Select", Integer.class), 7));
                Row r = c.execute(selectFrom(t).where(t.column("group").isNull())).one();
                assertEquals(List.of(1L, 7, "s", "q"), r.toList().subList(0, 4));
                assertEquals("q", r.get("we\"ird"));
            }
        }
    }
}
