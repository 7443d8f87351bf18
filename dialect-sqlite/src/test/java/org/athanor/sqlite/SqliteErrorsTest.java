package org.athanor.sqlite;

import static org.athanor.core.fixtures.Posts.POSTS;
import static org.athanor.core.fixtures.Users.USERS;
import static org.athanor.core.sql.Sql.*;
import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import org.athanor.core.engine.Connection;
import org.athanor.core.engine.Engine;
import org.athanor.core.error.CompileError;
import org.athanor.core.error.ConfigurationError;
import org.athanor.core.error.DatabaseError;
import org.athanor.core.error.IntegrityError;
import org.athanor.core.error.ProgrammingError;
import org.athanor.core.schema.MetaData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Driver errors become the AthanorException family with the SQL in the message; bad URLs name what to do. */
class SqliteErrorsTest {
    Engine engine;
    Connection c;

    @BeforeEach
    void setUp() {
        engine = Engine.create("sqlite://");
        MetaData.of(USERS, POSTS).createAll(engine);
        c = engine.connect();
        c.execute(insert(USERS).set(USERS.NAME, "a").set(USERS.EMAIL, "a@x"));
    }

    @AfterEach
    void tearDown() {
        c.close();
        engine.close();
    }

    private static void assertCarriesSql(DatabaseError e, String sql, String driverText) {
        assertEquals(sql, e.sql());
        assertTrue(e.getMessage().startsWith("(SQLite) "), e.getMessage());
        assertTrue(e.getMessage().contains(driverText), e.getMessage());
        assertTrue(e.getMessage().endsWith("\n[SQL: " + sql + "]"), e.getMessage());
        assertNotNull(e.getCause());
    }

    @Test
    void uniqueViolation() {
        IntegrityError e = assertThrows(IntegrityError.class, () -> c.execute(insert(USERS).set(USERS.NAME, "b").set(USERS.EMAIL, "a@x")));
        assertCarriesSql(e, "INSERT INTO users (name, email) VALUES (?, ?)", "UNIQUE constraint failed: users.email");
        // the connection stays usable after the failed statement
        assertEquals(1L, (Long) c.execute(select(count()).from(USERS)).scalar());
    }

    @Test
    void foreignKeyViolation() {
        IntegrityError e = assertThrows(IntegrityError.class, () -> c.execute(insert(POSTS).set(POSTS.USER_ID, 999L).set(POSTS.TITLE, "t")));
        assertCarriesSql(e, "INSERT INTO posts (user_id, title) VALUES (?, ?)", "FOREIGN KEY constraint failed");
    }

    @Test
    void notNullViolation() {
        IntegrityError e = assertThrows(IntegrityError.class, () -> c.execute(update(USERS).set(USERS.NAME, (String) null)));
        assertCarriesSql(e, "UPDATE users SET name = ?", "NOT NULL constraint failed: users.name");
        IntegrityError batch = assertThrows(IntegrityError.class, () -> c.executeMany(insert(USERS).set(USERS.NAME,
                bindParam("n", org.athanor.core.type.SqlTypes.TEXT)), java.util.List.of(java.util.Map.of("n", "x"), new java.util.HashMap<>(
                java.util.Collections.singletonMap("n", null)))));
        assertEquals("INSERT INTO users (name) VALUES (?)", batch.sql());
    }

    @Test
    void programmingErrorsForMissingTablesAndBadText() {
        ProgrammingError e = assertThrows(ProgrammingError.class, () -> c.executeSql("SELECT * FROM nowhere"));
        assertCarriesSql(e, "SELECT * FROM nowhere", "no such table: nowhere");
        assertThrows(ProgrammingError.class, () -> c.execute(text("SELEC 1")).all());
    }

    @Test
    void constructsSqliteLacksRaiseCompileErrorsNamingIt() {
        assertEquals("SELECT ... FOR UPDATE is not supported by SQLite",
                assertThrows(CompileError.class, () -> SqliteDialect.INSTANCE.compile(select(USERS.ID).forUpdate())).getMessage());
        assertEquals("DISTINCT ON is not supported by SQLite",
                assertThrows(CompileError.class, () -> SqliteDialect.INSTANCE.compile(select(USERS.ID).distinctOn(USERS.NAME))).getMessage());
        // DELETE ... USING has no SQLite syntax but is emulated faithfully with WHERE EXISTS (see SqliteDmlTest)
        assertEquals("DELETE FROM users WHERE EXISTS (SELECT 1 FROM posts)",
                SqliteDialect.INSTANCE.compile(deleteFrom(USERS).using(POSTS)).sql());
    }

    @Test
    void anUnknownSchemeListsTheKnownOnes() {
        ConfigurationError e = assertThrows(ConfigurationError.class, () -> Engine.create("foo://x"));
        assertEquals("no dialect on the classpath handles the URL scheme 'foo' of foo://x: add the Athanor dialect module for that "
                + "database; the dialects present handle [sqlite]", e.getMessage());
        ConfigurationError j = assertThrows(ConfigurationError.class, () -> Engine.create("jdbc:foo:bar"));
        assertTrue(j.getMessage().contains("the dialects present handle [sqlite]"), j.getMessage());
    }

    @Test
    void aMissingDialectModuleIsNamedByItsSchemeWithoutThePassword() {
        // core names no dialect artifact: dialects register themselves through ServiceLoader
        ConfigurationError e = assertThrows(ConfigurationError.class, () -> Engine.create("postgresql://app:s3cret@localhost:5432/db"));
        assertEquals("no dialect on the classpath handles the URL scheme 'postgresql' of postgresql://app:***@localhost:5432/db: add "
                + "the Athanor dialect module for that database; the dialects present handle [sqlite]", e.getMessage());
        assertTrue(assertThrows(ConfigurationError.class, () -> Engine.create("mariadb://root@h/test")).getMessage()
                .contains("URL scheme 'mariadb'"));
        assertTrue(assertThrows(ConfigurationError.class, () -> Engine.create("jdbc:postgresql://h/db")).getMessage()
                .contains("the Athanor dialect module"));
    }

    @Test
    void badUrlsAndUnreachableFiles(@TempDir Path dir) {
        assertTrue(assertThrows(ConfigurationError.class, () -> Engine.create("not a url")).getMessage().startsWith("cannot parse database URL"));
        ConfigurationError e = assertThrows(ConfigurationError.class,
                () -> Engine.create("sqlite:///" + dir.resolve("no/such/dir/x.db").toAbsolutePath()));
        assertTrue(e.getMessage().startsWith("cannot connect to sqlite:///" + dir.toAbsolutePath()), e.getMessage());
        assertTrue(e.getMessage().contains("(SQLite)"), e.getMessage());
    }
}
