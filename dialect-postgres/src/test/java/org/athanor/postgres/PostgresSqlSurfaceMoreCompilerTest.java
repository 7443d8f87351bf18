package org.athanor.postgres;

import static org.athanor.core.fixtures.Items.ITEMS;
import static org.athanor.core.fixtures.Posts.POSTS;
import static org.athanor.core.fixtures.Users.USERS;
import static org.athanor.core.sql.Sql.*;
import static org.junit.jupiter.api.Assertions.*;

import org.athanor.core.fixtures.Users;
import org.athanor.core.sql.Cte;
import org.athanor.core.sql.Statement;
import org.junit.jupiter.api.Test;

/** Exact PostgreSQL SQL for the SQL-surface parts of issue 13. */
class PostgresSqlSurfaceMoreCompilerTest {
    static String sql(Statement s) { return PostgresDialect.INSTANCE.compile(s).sql(); }

    @Test
    void updateAndDeleteAddTheTablesTheirWhereNames() {
        assertEquals("UPDATE users SET age = ? FROM posts WHERE users.id = posts.user_id AND posts.title = ?",
                sql(update(USERS).set(USERS.AGE, 1).where(USERS.ID.eq(POSTS.USER_ID), POSTS.TITLE.eq("t"))));
        // a SET value naming another table brings it in too
        assertEquals("UPDATE users SET name = posts.title FROM posts WHERE users.id = posts.user_id",
                sql(update(USERS).set(USERS.NAME, POSTS.TITLE).where(USERS.ID.eq(POSTS.USER_ID))));
        assertEquals("DELETE FROM posts USING users WHERE users.id = posts.user_id AND users.age > ?",
                sql(deleteFrom(POSTS).where(USERS.ID.eq(POSTS.USER_ID), USERS.AGE.gt(3))));
        // an explicit item is not repeated; an alias of the target is another table
        Users u2 = USERS.as("u2");
        assertEquals("UPDATE users SET age = u2.age FROM users AS u2 WHERE u2.email = users.email AND u2.id <> users.id",
                sql(update(USERS).set(USERS.AGE, u2.AGE).from(u2).where(u2.EMAIL.eq(USERS.EMAIL), u2.ID.ne(USERS.ID))));
        assertEquals("UPDATE users SET age = u2.age FROM users AS u2 WHERE u2.email = users.email",
                sql(update(USERS).set(USERS.AGE, u2.AGE).where(u2.EMAIL.eq(USERS.EMAIL))));
        // a table met only inside EXISTS is correlated, not added
        assertEquals("DELETE FROM users WHERE EXISTS (SELECT posts.id FROM posts WHERE posts.user_id = users.id)",
                sql(deleteFrom(USERS).where(exists(select(POSTS.ID).where(POSTS.USER_ID.eq(USERS.ID))))));
        assertEquals("UPDATE users SET age = ? WHERE users.id IN (SELECT posts.user_id FROM posts)",
                sql(update(USERS).set(USERS.AGE, 1).where(USERS.ID.in(select(POSTS.USER_ID)))));
        // another instance of the same table, unaliased, renders as the target itself: it is not added
        var twin = org.athanor.core.schema.Table.create(null, "users");
        var twinId = org.athanor.core.schema.Table.addColumn(twin, "id", org.athanor.core.type.SqlTypes.BIGINT);
        assertEquals("UPDATE users SET age = ? WHERE users.id = ?", sql(update(USERS).set(USERS.AGE, 1).where(twinId.eq(5L))));
        assertEquals("UPDATE posts SET title = ? FROM users WHERE users.id = posts.user_id RETURNING id, name",
                sql(update(POSTS).set(POSTS.TITLE, "x").where(USERS.ID.eq(POSTS.USER_ID)).returning(POSTS.ID, USERS.NAME)));
    }

    @Test
    void aCteNamedByTheWhereJoinsTheFromList() {
        Cte young = select(USERS.ID, USERS.NAME).where(USERS.AGE.lt(3)).cte("young");
        assertEquals("WITH young(id, name) AS (SELECT users.id, users.name FROM users WHERE users.age < ?) "
                + "UPDATE posts SET title = young.name FROM young WHERE posts.user_id = young.id",
                sql(with(young).statement(update(POSTS).set(POSTS.TITLE, young.get(USERS.NAME)).where(POSTS.USER_ID.eq(young.get(USERS.ID))))));
        assertEquals("WITH young(id, name) AS (SELECT users.id, users.name FROM users WHERE users.age < ?) "
                + "DELETE FROM posts USING young WHERE posts.user_id = young.id",
                sql(with(young).statement(deleteFrom(POSTS).where(POSTS.USER_ID.eq(young.get(USERS.ID))))));
    }

    @Test
    void mixedNumericArithmeticAndDivision() {
        var q = select(ITEMS.PRICE.times(ITEMS.QTY), ITEMS.QTY.div(ITEMS.QTY), ITEMS.PRICE.div(ITEMS.QTY), avg(ITEMS.QTY));
        var compiled = PostgresDialect.INSTANCE.compile(q);
        assertEquals("SELECT items.price * items.qty, items.qty / items.qty, items.price / items.qty, avg(items.qty) FROM items", compiled.sql());
        assertEquals(java.util.List.of(java.math.BigDecimal.class, Integer.class, java.math.BigDecimal.class, java.math.BigDecimal.class),
                compiled.resultTypes().stream().map(t -> (Object) t.javaType()).toList());
    }

    @Test
    void valuesTableInFromAndJoins() {
        var v = values("v").column("id", org.athanor.core.type.SqlTypes.INTEGER).column("label", org.athanor.core.type.SqlTypes.TEXT)
                .row(1, "one").row(2, null).build();
        var c = PostgresDialect.INSTANCE.compile(select(USERS.NAME, v.column("label", String.class)).from(USERS)
                .join(v, USERS.AGE.eq(v.column("id", Integer.class))));
        assertEquals("SELECT users.name, v.label FROM users JOIN (VALUES (?, ?), (?, ?)) AS v (id, label) ON users.age = v.id", c.sql());
        assertEquals(java.util.Arrays.asList(1, "one", 2, null), c.parameters());
        assertEquals("SELECT w.id FROM (VALUES (?, ?), (?, ?)) AS w (id, label)", sql(select(v.as("w").column("id"))));
    }

    @Test
    void regularExpressions() {
        assertEquals("SELECT regexp_replace(users.name, ?, ?, 'g') FROM users WHERE users.name ~ ? AND users.email !~ users.name",
                sql(select(regexpReplace(USERS.NAME, "[0-9]+", "#")).where(USERS.NAME.regexpMatch("^a"), USERS.EMAIL.notRegexpMatch(USERS.NAME))));
    }

    @Test
    void fetchFirstAndLimitExpressions() {
        assertEquals("SELECT users.name FROM users ORDER BY users.age OFFSET ? ROWS FETCH FIRST ? ROWS WITH TIES",
                sql(select(USERS.NAME).orderBy(USERS.AGE).offset(2).fetchFirst(3, true)));
        assertEquals("SELECT users.name FROM users FETCH FIRST ? ROWS ONLY", sql(select(USERS.NAME).fetchFirst(3)));
        var e = assertThrows(org.athanor.core.error.CompileError.class, () -> sql(select(USERS.NAME).fetchFirst(3, true)));
        assertEquals("FETCH FIRST n ROWS WITH TIES needs an ORDER BY: the ties are rows that sort equal", e.getMessage());
        var c = PostgresDialect.INSTANCE.compile(select(USERS.NAME).limit(bindParam("page", 10L, org.athanor.core.type.SqlTypes.BIGINT))
                .offset(select(count()).from(POSTS).<Long>scalarSubquery()));
        assertEquals("SELECT users.name FROM users LIMIT ? OFFSET (SELECT count(*) FROM posts)", c.sql());
        assertEquals(java.util.List.of(10L), c.parameters());
        assertEquals("SELECT users.name FROM users LIMIT (? + ?)", sql(select(USERS.NAME).limit(param(1L).plus(2L))));
    }

    @Test
    void computedColumnsInDdl() {
        var ddl = PostgresDialect.INSTANCE.ddl();
        assertEquals("CREATE TABLE priced (id INTEGER NOT NULL, price NUMERIC(10, 2), qty INTEGER, "
                + "total NUMERIC(12, 2) GENERATED ALWAYS AS (price * qty) STORED, doubled INTEGER GENERATED ALWAYS AS (qty * 2) STORED, "
                + "PRIMARY KEY (id))", ddl.createTable(new org.athanor.core.fixtures.Priced("priced", null), false, java.util.Set.of()).get(0));
        var e = assertThrows(org.athanor.core.error.CompileError.class,
                () -> ddl.createTable(new org.athanor.core.fixtures.Priced("priced", true), false, java.util.Set.of()));
        assertTrue(e.getMessage().startsWith("VIRTUAL computed column priced.doubled is not supported by PostgreSQL"), e.getMessage());
    }

    @Test
    void likeWithExpressionsAndEscapeCharacters() {
        var c = PostgresDialect.INSTANCE.compile(select(USERS.ID).where(USERS.EMAIL.startsWith(USERS.NAME), USERS.NAME.contains("5%", '!'),
                USERS.EMAIL.like(USERS.NAME.concat("%")), USERS.NAME.notLike(USERS.EMAIL, '#')));
        assertEquals("SELECT users.id FROM users WHERE users.email LIKE (replace(replace(replace(users.name, '/', '//'), '%', '/%'), '_', '/_') "
                + "|| '%') ESCAPE '/' AND users.name LIKE ? ESCAPE '!' AND users.email LIKE (users.name || ?) "
                + "AND users.name NOT LIKE users.email ESCAPE '#'", c.sql());
        assertEquals(java.util.List.of("%5!%%", "%"), c.parameters());
    }

    @Test
    void rangeFramesWithDecimalAndIntervalOffsets() {
        var w = window().orderBy(USERS.AGE);
        assertEquals("SELECT sum(users.age) OVER (ORDER BY users.age RANGE BETWEEN 1.5 PRECEDING AND CURRENT ROW), "
                + "count(*) OVER (ORDER BY users.age RANGE BETWEEN INTERVAL '1' DAY PRECEDING AND INTERVAL '2' HOUR FOLLOWING) FROM users",
                sql(select(sum(USERS.AGE).over(w.range(org.athanor.core.sql.FrameBound.preceding(new java.math.BigDecimal("1.5")), org.athanor.core.sql.FrameBound.currentRow())),
                        count().over(w.range(org.athanor.core.sql.FrameBound.preceding(1, java.time.temporal.ChronoUnit.DAYS),
                                org.athanor.core.sql.FrameBound.following(2, java.time.temporal.ChronoUnit.HOURS))))));
        assertThrows(IllegalArgumentException.class, () -> w.rows(org.athanor.core.sql.FrameBound.preceding(new java.math.BigDecimal("1.5")),
                org.athanor.core.sql.FrameBound.currentRow()));
        var e = assertThrows(org.athanor.core.error.CompileError.class, () -> sql(select(count().over(window().orderBy(USERS.AGE, USERS.NAME)
                .range(org.athanor.core.sql.FrameBound.preceding(1), org.athanor.core.sql.FrameBound.currentRow())))));
        assertTrue(e.getMessage().startsWith("a RANGE window frame with an offset (1 PRECEDING .. CURRENT ROW) needs exactly one ORDER BY"), e.getMessage());
    }
}
