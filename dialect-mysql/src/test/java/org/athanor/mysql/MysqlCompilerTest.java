package org.athanor.mysql;

import static org.athanor.core.fixtures.Posts.POSTS;
import static org.athanor.core.fixtures.Users.USERS;
import static org.athanor.core.sql.Sql.*;
import static org.athanor.mysql.OnDuplicateKeyUpdate.inserted;
import static org.junit.jupiter.api.Assertions.*;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.athanor.core.compile.CompiledStatement;
import org.athanor.core.dialect.Dialect;
import org.athanor.core.error.CompileError;
import org.athanor.core.fixtures.Users;
import org.athanor.core.sql.Insert;
import org.athanor.core.sql.LockMode;
import org.athanor.core.sql.Statement;
import org.athanor.core.type.SqlTypes;
import org.junit.jupiter.api.Test;

/** Exact SQL for every construct MySQL spells differently; no database needed. */
class MysqlCompilerTest {
    static final MysqlDialect MYSQL8 = MysqlDialect.INSTANCE.adaptTo(ServerVersion.parse("8.0.36"), false);
    static final MysqlDialect MARIADB = MysqlDialect.INSTANCE.adaptTo(ServerVersion.parse("5.5.5-10.11.6-MariaDB"), false);

    private static String sql(Statement s) { return MYSQL8.compile(s).sql(); }

    @Test
    void selectWithBackticksWhereNeeded() {
        assertEquals("SELECT users.id, users.name FROM users WHERE users.age > ? AND users.name LIKE ?",
                sql(select(USERS.ID, USERS.NAME).where(USERS.AGE.gt(30), USERS.NAME.like("A%"))));
        assertEquals("`order`", MYSQL8.quoteIdentifier("order"));
        assertEquals("`key`", MYSQL8.quoteIdentifier("key"));
        assertEquals("`returning`", MYSQL8.quoteIdentifier("returning"));
        assertEquals("`Mixed Case`", MYSQL8.quoteIdentifier("Mixed Case"));
        assertEquals("`back``tick`", MYSQL8.quoteIdentifier("back`tick"));
        assertEquals("name", MYSQL8.quoteIdentifier("name"));
    }

    @Test
    void concatIsConcatFunctionBecausePipesAreOr() {
        assertEquals("SELECT CONCAT(users.name, ?) AS x FROM users", sql(select(USERS.NAME.concat("!").as("x"))));
        assertEquals("SELECT CONCAT(users.name, ?, users.email) FROM users",
                sql(select(USERS.NAME.concat(" ").concat(USERS.EMAIL))));
    }

    @Test
    void isDistinctFromUsesNullSafeEquality() {
        assertEquals("SELECT users.id FROM users WHERE NOT (users.age <=> ?)", sql(select(USERS.ID).where(USERS.AGE.isDistinctFrom(3))));
        assertEquals("SELECT users.id FROM users WHERE users.age <=> ?", sql(select(USERS.ID).where(USERS.AGE.isNotDistinctFrom(3))));
    }

    @Test
    void limitAndOffset() {
        assertEquals("SELECT users.id FROM users LIMIT ?", sql(select(USERS.ID).limit(5)));
        assertEquals("SELECT users.id FROM users LIMIT ? OFFSET ?", sql(select(USERS.ID).limit(5).offset(10)));
        assertEquals("SELECT users.id FROM users LIMIT 18446744073709551615 OFFSET ?", sql(select(USERS.ID).offset(10)));
        CompiledStatement c = MYSQL8.compile(select(USERS.ID).offset(10));
        assertEquals(List.of(10L), c.parameters().stream().map(p -> ((Number) p).longValue()).toList());
    }

    @Test
    void nullsFirstAndLastAreEmulated() {
        assertEquals("SELECT users.id FROM users ORDER BY users.age IS NULL, users.age",
                sql(select(USERS.ID).orderBy(USERS.AGE.asc().nullsLast())));
        assertEquals("SELECT users.id FROM users ORDER BY users.age IS NULL DESC, users.age DESC",
                sql(select(USERS.ID).orderBy(USERS.AGE.desc().nullsFirst())));
        // MySQL's own order already: nothing added
        assertEquals("SELECT users.id FROM users ORDER BY users.age", sql(select(USERS.ID).orderBy(USERS.AGE.asc().nullsFirst())));
        assertEquals("SELECT users.id FROM users ORDER BY users.age DESC", sql(select(USERS.ID).orderBy(USERS.AGE.desc().nullsLast())));
        assertEquals("SELECT users.id FROM users ORDER BY (users.age + ?) IS NULL, users.age + ?",
                sql(select(USERS.ID).orderBy(USERS.AGE.plus(1).asc().nullsLast())));
    }

    @Test
    void ilikeIsLowerLikeLower() {
        assertEquals("SELECT users.id FROM users WHERE lower(users.name) LIKE lower(?)", sql(select(USERS.ID).where(USERS.NAME.ilike("a%"))));
    }

    @Test
    void startsWithEscapesWithSlash() {
        CompiledStatement c = MYSQL8.compile(select(USERS.ID).where(USERS.NAME.startsWith("50%_a/b\\")));
        assertEquals("SELECT users.id FROM users WHERE users.name LIKE ? ESCAPE '/'", c.sql());
        assertEquals(List.of("50/%/_a//b\\%"), c.parameters());
        // a backslash escape character is written in hex: '\\' would mean one thing or another by sql_mode
        assertEquals("SELECT users.id FROM users WHERE users.name LIKE ? ESCAPE _utf8mb4 X'5c'",
                sql(select(USERS.ID).where(USERS.NAME.like("a\\%", '\\'))));
    }

    @Test
    void fullOuterJoinIsAClearError() {
        CompileError e = assertThrows(CompileError.class, () -> MARIADB.compile(select(USERS.ID, POSTS.ID).from(USERS).fullJoin(POSTS)));
        assertEquals("FULL OUTER JOIN is not supported by MariaDB", e.getMessage());
        e = assertThrows(CompileError.class, () -> MYSQL8.compile(select(USERS.ID, POSTS.ID).from(USERS).fullJoin(POSTS)));
        assertEquals("FULL OUTER JOIN is not supported by MySQL", e.getMessage());
        assertEquals("SELECT users.id, posts.id FROM users RIGHT OUTER JOIN posts ON posts.user_id = users.id",
                sql(select(USERS.ID, POSTS.ID).from(USERS).rightJoin(POSTS)));
    }

    @Test
    void selectWithoutFromUsesDual() {
        assertEquals("SELECT ? FROM DUAL", sql(select(param(1))));
    }

    @Test
    void insertForms() {
        assertEquals("INSERT INTO users (name, age) VALUES (?, ?), (?, ?)",
                sql(insert(USERS).columns(USERS.NAME, USERS.AGE).values("a", 1).values("b", 2)));
        assertEquals("INSERT INTO users () VALUES ()", sql(insert(USERS).defaultValues()));
        assertEquals("INSERT INTO users (name) SELECT posts.title FROM posts",
                sql(insert(USERS).fromSelect(List.of(USERS.NAME), select(POSTS.TITLE))));
    }

    @Test
    void returningFollowsTheServer() {
        assertFalse(MYSQL8.features().supportsReturning());
        assertTrue(MARIADB.features().supportsReturning());
        assertTrue(MARIADB.features().supportsDeleteReturning());
        assertFalse(MARIADB.features().supportsUpdateReturning());
        assertEquals("INSERT INTO users (name) VALUES (?) RETURNING id",
                MARIADB.compile(insert(USERS).set(USERS.NAME, "a").returning(USERS.ID)).sql());
        assertEquals("DELETE FROM users WHERE users.id = ? RETURNING id, name",
                MARIADB.compile(deleteFrom(USERS).where(USERS.ID.eq(1L)).returning(USERS.ID, USERS.NAME)).sql());
        CompileError e = assertThrows(CompileError.class,
                () -> MARIADB.compile(update(USERS).set(USERS.AGE, 1).returning(USERS.ID)));
        assertEquals("UPDATE ... RETURNING is not supported by MariaDB", e.getMessage());
        e = assertThrows(CompileError.class, () -> MYSQL8.compile(insert(USERS).set(USERS.NAME, "a").returning(USERS.ID)));
        assertEquals("INSERT ... RETURNING is not supported by MySQL", e.getMessage());
        assertFalse(ServerVersion.parse("5.5.5-10.4.30-MariaDB").atLeast(10, 5));
        assertFalse(MysqlDialect.INSTANCE.adaptTo(ServerVersion.parse("5.5.5-10.4.30-MariaDB"), false).features().supportsReturning());
    }

    @Test
    void pinnedFeaturesSurviveServerDetection() {
        Dialect off = MARIADB.withFeatures(MARIADB.features().toBuilder().returning(false).deleteReturning(false).build());
        MysqlDialect detected = ((MysqlDialect) off).adaptTo(ServerVersion.parse("5.5.5-10.11.6-MariaDB"), false);
        assertFalse(detected.features().supportsReturning());
        assertTrue(detected.features().multiRowGeneratedKeys());
        assertEquals("MariaDB", detected.name());
    }

    @Test
    void updateAndDelete() {
        assertEquals("UPDATE users SET age = ? WHERE users.id = ?", sql(update(USERS).set(USERS.AGE, 3).where(USERS.ID.eq(1L))));
        assertEquals("DELETE FROM users WHERE users.age < ?", sql(deleteFrom(USERS).where(USERS.AGE.lt(3))));
    }

    @Test
    void multiTableUpdateAndDelete() {
        assertEquals("UPDATE users, posts SET users.name = posts.title WHERE posts.user_id = users.id AND posts.id = ?",
                sql(update(USERS).set(USERS.NAME, POSTS.TITLE).from(POSTS).where(POSTS.USER_ID.eq(USERS.ID), POSTS.ID.eq(7L))));
        Users u = USERS.as("u");
        assertEquals("UPDATE users AS u, posts SET u.age = ? WHERE posts.user_id = u.id",
                sql(update(u).set(u.AGE, 1).from(POSTS).where(POSTS.USER_ID.eq(u.ID))));
        assertEquals("DELETE posts FROM posts, users WHERE posts.user_id = users.id AND users.name = ?",
                sql(deleteFrom(POSTS).using(USERS).where(POSTS.USER_ID.eq(USERS.ID), USERS.NAME.eq("x"))));
        CompileError e = assertThrows(CompileError.class,
                () -> MARIADB.compile(deleteFrom(POSTS).using(USERS).where(POSTS.USER_ID.eq(USERS.ID)).returning(POSTS.ID)));
        assertEquals("multi-table DELETE ... RETURNING is not supported by MariaDB", e.getMessage());
    }

    @Test
    void locking() {
        assertEquals("SELECT users.id FROM users FOR UPDATE", sql(select(USERS.ID).forUpdate()));
        assertEquals("SELECT users.id FROM users FOR UPDATE NOWAIT", sql(select(USERS.ID).forUpdate(LockMode.Wait.NOWAIT)));
        assertEquals("SELECT users.id FROM users FOR UPDATE SKIP LOCKED", sql(select(USERS.ID).forUpdate(LockMode.Wait.SKIP_LOCKED)));
        assertEquals("SELECT users.id FROM users FOR SHARE", sql(select(USERS.ID).forShare()));
        assertEquals("SELECT users.id FROM users LOCK IN SHARE MODE", MARIADB.compile(select(USERS.ID).forShare()).sql());
        assertEquals("SELECT users.id FROM users LOCK IN SHARE MODE NOWAIT",
                MARIADB.compile(select(USERS.ID).forShare(LockMode.Wait.NOWAIT)).sql());
    }

    @Test
    void onDuplicateKeyUpdate() {
        Insert ins = insert(USERS).set(USERS.NAME, "a").set(USERS.AGE, 1);
        Insert up = OnDuplicateKeyUpdate.of(ins).set(USERS.AGE, USERS.AGE.plus(inserted(USERS.AGE))).set(USERS.EMAIL, "e").apply();
        CompiledStatement c = MYSQL8.compile(up);
        assertEquals("INSERT INTO users (name, age) VALUES (?, ?) ON DUPLICATE KEY UPDATE age = users.age + VALUES(age), email = ?",
                c.sql());
        assertEquals(List.of("a", 1, "e"), c.parameters());
        assertEquals("INSERT INTO users (name, age) VALUES (?, ?) ON DUPLICATE KEY UPDATE name = VALUES(name), age = VALUES(age)",
                sql(OnDuplicateKeyUpdate.of(ins).setInserted(USERS.NAME, USERS.AGE).apply()));
        assertEquals("INSERT INTO users (name, age) VALUES (?, ?) ON DUPLICATE KEY UPDATE name = VALUES(name) RETURNING id",
                MARIADB.compile(OnDuplicateKeyUpdate.of(ins).setInserted(USERS.NAME).apply().returning(USERS.ID)).sql());
        // the clause is part of the cache key: another assignment list is another statement
        assertNotEquals(org.athanor.core.internal.compile.KeyCollector.of(OnDuplicateKeyUpdate.of(ins).setInserted(USERS.NAME).apply()).lookupKey(),
                org.athanor.core.internal.compile.KeyCollector.of(OnDuplicateKeyUpdate.of(ins).setInserted(USERS.AGE).apply()).lookupKey());
        CompileError e = assertThrows(CompileError.class, () -> org.athanor.core.dialect.GenericDialect.INSTANCE.compile(up));
        assertEquals("INSERT ... ON DUPLICATE KEY UPDATE is not supported by generic", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> OnDuplicateKeyUpdate.of(ins).set(POSTS.TITLE, "x"));
        assertThrows(IllegalStateException.class, () -> OnDuplicateKeyUpdate.of(ins).apply());
    }

    @Test
    void castUsesMysqlTypeNames() {
        assertEquals("SELECT CAST(users.age AS CHAR) FROM users", sql(select(cast(USERS.AGE, SqlTypes.TEXT))));
        assertEquals("SELECT CAST(users.name AS SIGNED) FROM users", sql(select(cast(USERS.NAME, SqlTypes.BIGINT))));
        assertEquals("SELECT CAST(users.name AS DECIMAL(10, 2)) FROM users", sql(select(cast(USERS.NAME, SqlTypes.numeric(10, 2)))));
        assertEquals("SELECT CAST(users.name AS DATETIME(6)) FROM users", sql(select(cast(USERS.NAME, SqlTypes.TIMESTAMP))));
    }

    @Test
    void literalsReadTheSameWithAndWithoutNoBackslashEscapes() {
        // quotes are doubled (read alike in both modes); a backslash or NUL makes the string hex with an introducer
        assertEquals("'it''s'", MYSQL8.renderLiteral("it's", SqlTypes.TEXT));
        assertEquals("_utf8mb4 X'697427732061205c20616e642000'",
                MYSQL8.renderLiteral("it's a \\ and \0", SqlTypes.TEXT));
        assertEquals("_utf8mb4 X'5c27'", MYSQL8.renderLiteral("\\'", SqlTypes.TEXT));
        assertEquals("_utf8mb4 X'c3a95c'", MYSQL8.renderLiteral("\u00e9\\", SqlTypes.TEXT));
        assertEquals("'2024-01-02 03:04:05.000006'", MYSQL8.renderLiteral(LocalDateTime.of(2024, 1, 2, 3, 4, 5, 6000), SqlTypes.TIMESTAMP));
        assertEquals("'2024-01-01 22:00:00.000000'", MYSQL8.renderLiteral(
                OffsetDateTime.of(2024, 1, 2, 0, 0, 0, 0, ZoneOffset.ofHours(2)), SqlTypes.TIMESTAMPTZ));
        assertEquals("TRUE", MYSQL8.renderLiteral(true, SqlTypes.BOOLEAN));
        assertEquals("X'00ff'", MYSQL8.renderLiteral(new byte[] {0, -1}, SqlTypes.BYTES));
        assertEquals("SELECT users.id FROM users WHERE users.name = _utf8mb4 X'4f27427269656e5c'",
                MYSQL8.compile(select(USERS.ID).where(USERS.NAME.eq("O'Brien\\")), true).sql());
    }

    @Test
    void emptyInAndTupleIn() {
        assertEquals("SELECT users.id FROM users WHERE 1 = 0", sql(select(USERS.ID).where(USERS.ID.in(List.of()))));
        assertEquals("SELECT users.id FROM users WHERE (users.id, users.age) IN ((?, ?))",
                sql(select(USERS.ID).where(tuple(USERS.ID, USERS.AGE).in(tuple(param(1L), param(2))))));
    }

    @Test
    void serverVersionParsing() {
        ServerVersion m = ServerVersion.parse("5.5.5-10.11.19-MariaDB-0+deb12u1");
        assertEquals(new ServerVersion(true, 10, 11, 19, "5.5.5-10.11.19-MariaDB-0+deb12u1"), m);
        assertEquals("MariaDB 10.11.19", m.toString());
        ServerVersion my = ServerVersion.parse("8.0.36-0ubuntu0.22.04.1");
        assertFalse(my.mariaDb());
        assertTrue(my.atLeast(8, 0, 31));
        assertFalse(my.atLeast(8, 1));
        assertEquals(new ServerVersion(false, 0, 0, 0, "weird"), ServerVersion.parse("weird"));
    }

    /** NEXT VALUE FOR on MariaDB 10.3+; on MySQL 8 an error naming MySQL and what to use instead. */
    @Test
    void nextValueOnMariaDbAndMySql() {
        org.athanor.core.schema.Sequence seq = org.athanor.core.schema.Sequence.of("order_no");
        assertEquals("SELECT NEXT VALUE FOR order_no FROM DUAL", MARIADB.compile(select(nextValue(seq))).sql());
        assertEquals("INSERT INTO users (id, name) VALUES (NEXT VALUE FOR shop.`order`, ?)",
                MARIADB.compile(insert(USERS).set(USERS.ID, nextValue(org.athanor.core.schema.Sequence.of("shop", "order"))).set(USERS.NAME, "a")).sql());
        CompileError e = assertThrows(CompileError.class, () -> MYSQL8.compile(select(nextValue(seq))));
        assertEquals("MySQL has no sequences, so there is no NEXT VALUE FOR order_no (MariaDB has sequences from 10.3, MySQL none): "
                + "use an AUTO_INCREMENT column there (autoincrement() in Core, GenerationType.IDENTITY in the ORM)", e.getMessage());
        assertThrows(CompileError.class, () -> MysqlDialect.INSTANCE.compile(select(nextValue(seq))), "before a server is known: none");
    }
}
