package org.athanor.postgres;

import static org.athanor.core.fixtures.Posts.POSTS;
import static org.athanor.core.fixtures.Users.USERS;
import static org.athanor.core.sql.FrameBound.*;
import static org.athanor.core.sql.Sql.*;
import static org.junit.jupiter.api.Assertions.*;

import org.athanor.core.fixtures.Users;
import org.athanor.core.sql.Cte;
import org.athanor.core.sql.DatePart;
import org.athanor.core.sql.Lateral;
import org.athanor.core.sql.Statement;
import org.athanor.core.type.SqlTypes;
import org.junit.jupiter.api.Test;

/** Exact PostgreSQL SQL for the constructs of the SQL-surface issue. */
class PostgresSqlSurfaceCompilerTest {
    static String sql(Statement s) { return PostgresDialect.INSTANCE.compile(s).sql(); }

    @Test
    void literalBinds() {
        var q = select(USERS.NAME).where(USERS.NAME.in("it's", "a\\b"), USERS.AGE.eq(3), param(new byte[] {1, (byte) 0xfe}).isNotNull(),
                param(java.time.LocalDate.of(2024, 2, 29)).isNotNull(), param(true).isNotNull());
        // a backslash makes it an escape string, read alike whatever standard_conforming_strings is
        assertEquals("SELECT users.name FROM users WHERE users.name IN ('it''s', E'a\\\\b') AND users.age = 3 "
                + "AND decode('01fe', 'hex') IS NOT NULL AND '2024-02-29' IS NOT NULL AND TRUE IS NOT NULL",
                PostgresDialect.INSTANCE.compile(q, true).sql());
    }

    @Test
    void caseExtractCast() {
        assertEquals("SELECT CASE WHEN users.age < ? THEN ? ELSE ? END, EXTRACT(DOW FROM users.age), FLOOR(EXTRACT(SECOND FROM users.age)), "
                + "CAST(users.age AS TEXT) FROM users",
                sql(select(caseWhen(USERS.AGE.lt(18), "minor").otherwise("adult"), extract(DatePart.DAY_OF_WEEK, USERS.AGE),
                        extract(DatePart.SECOND, USERS.AGE), cast(USERS.AGE, SqlTypes.TEXT))));
    }

    @Test
    void setOperationsParenthesiseMembers() {
        var a = select(USERS.NAME).orderBy(USERS.AGE).limit(1);
        assertEquals("((SELECT users.name FROM users ORDER BY users.age LIMIT ?) UNION ALL SELECT users.name FROM users) "
                + "INTERSECT ALL SELECT users.name FROM users ORDER BY name", sql(a.unionAll(select(USERS.NAME)).intersectAll(select(USERS.NAME))
                .orderBy(USERS.NAME)));
        assertEquals("SELECT users.name FROM users EXCEPT (SELECT users.name FROM users EXCEPT ALL SELECT users.name FROM users ORDER BY name)",
                sql(select(USERS.NAME).except(select(USERS.NAME).exceptAll(select(USERS.NAME)).orderBy(USERS.NAME))));
    }

    @Test
    void ctesAndWindows() {
        Cte nums = Cte.recursive("nums", select(literal(1).as("n")),
                self -> select(self.column("n", Integer.class).plus(1)).where(self.column("n", Integer.class).lt(5)));
        assertEquals("WITH RECURSIVE nums(n) AS (SELECT 1 AS n UNION ALL SELECT nums.n + ? FROM nums WHERE nums.n < ?) "
                + "SELECT nums.n FROM nums", sql(select(nums.column("n", Integer.class)).with(nums)));
        assertEquals("SELECT lag(users.age, 1, ?) OVER (PARTITION BY users.name ORDER BY users.id ROWS BETWEEN 2 PRECEDING AND CURRENT ROW), "
                + "count(*) FILTER (WHERE users.age > ?) FROM users",
                sql(select(lag(USERS.AGE, 1, 0).over(window().partitionBy(USERS.NAME).orderBy(USERS.ID).rows(preceding(2), currentRow())),
                        filter(count(), USERS.AGE.gt(3)))));
    }

    @Test
    void joinsLateralAnyAll() {
        Lateral latest = select(POSTS.TITLE).where(POSTS.USER_ID.eq(USERS.ID)).orderBy(POSTS.ID.desc()).limit(1).lateral("latest");
        assertEquals("SELECT users.name, latest.title FROM users LEFT OUTER JOIN LATERAL (SELECT posts.title FROM posts "
                + "WHERE posts.user_id = users.id ORDER BY posts.id DESC LIMIT ?) AS latest ON TRUE",
                sql(select(USERS.NAME, latest.get(POSTS.TITLE)).from(USERS).leftJoin(latest, literal(true))));
        Users u = USERS.as("u");
        assertEquals("SELECT u.name FROM users AS u WHERE u.age > ALL (SELECT users.age FROM users WHERE users.name = ?)",
                sql(select(u.NAME).from(u).where(u.AGE.gt(all(select(USERS.AGE).where(USERS.NAME.eq("x")))))));
        assertEquals("SELECT users.name FROM users FULL OUTER JOIN posts ON posts.user_id = users.id",
                sql(select(USERS.NAME).from(USERS).fullJoin(POSTS)));
    }

    @Test
    void dmlAndUpsert() {
        assertEquals("DELETE FROM posts USING users WHERE users.id = posts.user_id AND users.age > ?",
                sql(deleteFrom(POSTS).using(USERS).where(USERS.ID.eq(POSTS.USER_ID), USERS.AGE.gt(3))));
        assertEquals("INSERT INTO users (email, name) VALUES (?, ?) ON CONFLICT (email) DO UPDATE SET name = excluded.name",
                sql(insert(USERS).set(USERS.EMAIL, "a").set(USERS.NAME, "b").onConflict(USERS.EMAIL).doUpdate(USERS.NAME)));
        assertEquals("INSERT INTO users (email, name) VALUES (?, ?) ON CONFLICT (email) DO NOTHING",
                sql(insert(USERS).set(USERS.EMAIL, "a").set(USERS.NAME, "b").onConflict(USERS.EMAIL).doNothing()));
        Cte young = select(USERS.ID).where(USERS.AGE.lt(3)).cte("young");
        assertEquals("WITH young(id) AS (SELECT users.id FROM users WHERE users.age < ?) DELETE FROM posts WHERE posts.user_id IN "
                + "(SELECT young.id FROM young) RETURNING id",
                sql(with(young).query(deleteFrom(POSTS).where(POSTS.USER_ID.in(select(young.get(USERS.ID)))).returning(POSTS.ID))));
    }
}
