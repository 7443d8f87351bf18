package org.athanor.mysql;

import static org.athanor.core.fixtures.Posts.POSTS;
import static org.athanor.core.fixtures.Users.USERS;
import static org.athanor.core.sql.Sql.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.Map;
import org.athanor.core.dialect.Dialect;
import org.athanor.core.error.CompileError;
import org.athanor.core.sql.Cte;
import org.athanor.core.sql.DatePart;
import org.athanor.core.sql.Lateral;
import org.athanor.core.sql.Statement;
import org.junit.jupiter.api.Test;

/** Exact MySQL/MariaDB SQL for the constructs of the SQL-surface issue. */
class MysqlSqlSurfaceCompilerTest {
    static final MysqlDialect MYSQL = MysqlDialect.INSTANCE.adaptTo(ServerVersion.parse("8.0.36"), false);
    static final MysqlDialect MARIADB = MysqlDialect.INSTANCE.adaptTo(ServerVersion.parse("10.11.6-MariaDB"), false);

    static String sql(Dialect d, Statement s) { return d.compile(s).sql(); }

    @Test
    void literalBindsReadAlikeInEverySqlMode() {
        var q = select(USERS.NAME).where(USERS.NAME.in("it's", "a\\b", "nul\0x"), USERS.AGE.eq(3),
                param(new byte[] {1, (byte) 0xfe}).isNotNull(), param(java.time.LocalDate.of(2024, 2, 29)).isNotNull(),
                param(java.time.OffsetDateTime.of(2024, 1, 1, 2, 0, 0, 0, java.time.ZoneOffset.ofHours(2))).isNotNull(), param(true).isNotNull());
        // a backslash or NUL makes the string hex with an introducer (see MysqlDialect.stringLiteral)
        assertEquals("SELECT users.name FROM users WHERE users.name IN ('it''s', _utf8mb4 X'615c62', _utf8mb4 X'6e756c0078') AND users.age = 3 "
                + "AND X'01fe' IS NOT NULL AND '2024-02-29' IS NOT NULL AND '2024-01-01 00:00:00.000000' IS NOT NULL AND TRUE IS NOT NULL",
                MYSQL.compile(q, true).sql());
    }

    @Test
    void extractParts() {
        assertEquals("SELECT EXTRACT(YEAR FROM users.age), (DAYOFWEEK(users.age) - 1), DAYOFYEAR(users.age), "
                + "FLOOR(EXTRACT(SECOND FROM users.age)) FROM users",
                sql(MYSQL, select(extract(DatePart.YEAR, USERS.AGE), extract(DatePart.DAY_OF_WEEK, USERS.AGE),
                        extract(DatePart.DAY_OF_YEAR, USERS.AGE), extract(DatePart.SECOND, USERS.AGE))));
    }

    @Test
    void portableUpsertIsOnDuplicateKeyUpdate() {
        assertEquals("INSERT INTO users (email, name, age) VALUES (?, ?, ?) ON DUPLICATE KEY UPDATE name = VALUES(name), age = VALUES(age)",
                sql(MYSQL, insert(USERS).set(USERS.EMAIL, "a").set(USERS.NAME, "b").set(USERS.AGE, 1)
                        .onConflict(USERS.EMAIL).doUpdate(USERS.NAME, USERS.AGE)));
        assertEquals("INSERT INTO users (email, name) VALUES (?, ?) ON DUPLICATE KEY UPDATE age = users.age + VALUES(age)",
                sql(MYSQL, insert(USERS).set(USERS.EMAIL, "a").set(USERS.NAME, "b").onConflict(USERS.EMAIL)
                        .doUpdate(Map.of(USERS.AGE, USERS.AGE.plus(inserted(USERS.AGE))))));
        assertEquals("INSERT INTO users (email, name) VALUES (?, ?) ON DUPLICATE KEY UPDATE email = email",
                sql(MYSQL, insert(USERS).set(USERS.EMAIL, "a").set(USERS.NAME, "b").onConflict(USERS.EMAIL).doNothing()));
        assertEquals("INSERT INTO users (email, name) VALUES (?, ?) ON DUPLICATE KEY UPDATE id = id",
                sql(MYSQL, insert(USERS).set(USERS.EMAIL, "a").set(USERS.NAME, "b").onConflict().doNothing()));
    }

    @Test
    void withGoesInsideInsertSelect() {
        Cte young = select(USERS.ID, USERS.NAME).where(USERS.AGE.lt(3)).cte("young");
        assertEquals("INSERT INTO posts (user_id, title) WITH young(id, name) AS (SELECT users.id, users.name FROM users WHERE users.age < ?) "
                + "SELECT young.id, young.name FROM young",
                sql(MYSQL, with(young).statement(insert(POSTS).fromSelect(List.of(POSTS.USER_ID, POSTS.TITLE),
                        select(young.get(USERS.ID), young.get(USERS.NAME))))));
        var upd = with(young).statement(update(USERS).set(USERS.AGE, 1).where(USERS.ID.in(select(young.get(USERS.ID)))));
        assertEquals("WITH young(id, name) AS (SELECT users.id, users.name FROM users WHERE users.age < ?) UPDATE users SET age = ? "
                + "WHERE users.id IN (SELECT young.id FROM young)", sql(MYSQL, upd));
        CompileError e = assertThrows(CompileError.class, () -> sql(MARIADB, upd));
        assertEquals("WITH before UPDATE or DELETE (use the CTE's query as a subquery instead) is not supported by MariaDB", e.getMessage());
    }

    @Test
    void windowsSetOpsJoins() {
        assertEquals("SELECT count(CASE WHEN users.age > ? THEN 1 END) FROM users", sql(MYSQL, select(filter(count(), USERS.AGE.gt(1)))));
        assertEquals("SELECT lag(users.age, 1, ?) OVER (ORDER BY users.id) FROM users",
                sql(MYSQL, select(lag(USERS.AGE, 1, 0).over(window().orderBy(USERS.ID)))));
        assertEquals("SELECT CASE WHEN count(*) OVER (ORDER BY users.id ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) > 1 "
                + "THEN lag(users.age, 1) OVER (ORDER BY users.id) ELSE ? END FROM users",
                sql(MARIADB, select(lag(USERS.AGE, 1, 0).over(window().orderBy(USERS.ID)))));
        assertEquals("(SELECT users.name FROM users LIMIT ?) UNION SELECT users.name FROM users ORDER BY name",
                sql(MYSQL, select(USERS.NAME).limit(1).union(select(USERS.NAME)).orderBy(USERS.NAME)));
        assertEquals("SELECT users.name FROM users WHERE users.age > ANY (SELECT posts.id FROM posts)",
                sql(MYSQL, select(USERS.NAME).where(USERS.AGE.gt(any(select(POSTS.ID.cast(org.athanor.core.type.SqlTypes.INTEGER))))))
                        .replace("CAST(posts.id AS SIGNED)", "posts.id"));
        assertEquals("GROUPS window frames is not supported by MariaDB", assertThrows(CompileError.class, () -> sql(MARIADB,
                select(sum(USERS.AGE).over(window().orderBy(USERS.AGE).groups(org.athanor.core.sql.FrameBound.preceding(1),
                        org.athanor.core.sql.FrameBound.currentRow()))))).getMessage());
        Lateral l = select(POSTS.TITLE).where(POSTS.USER_ID.eq(USERS.ID)).lateral("l");
        assertEquals("LATERAL is not supported by MySQL",
                assertThrows(CompileError.class, () -> sql(MYSQL, select(USERS.NAME, l.get(POSTS.TITLE)).from(USERS).join(l, literal(true)))).getMessage());
        assertEquals("FULL OUTER JOIN is not supported by MariaDB",
                assertThrows(CompileError.class, () -> sql(MARIADB, select(USERS.NAME).from(USERS).fullJoin(POSTS))).getMessage());
    }
}
