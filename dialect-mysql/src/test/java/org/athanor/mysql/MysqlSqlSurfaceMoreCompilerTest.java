package org.athanor.mysql;

import static org.athanor.core.fixtures.Items.ITEMS;
import static org.athanor.core.fixtures.Posts.POSTS;
import static org.athanor.core.fixtures.Users.USERS;
import static org.athanor.core.sql.Sql.*;
import static org.junit.jupiter.api.Assertions.*;
import static org.athanor.mysql.MysqlSqlSurfaceCompilerTest.MARIADB;
import static org.athanor.mysql.MysqlSqlSurfaceCompilerTest.MYSQL;

import org.athanor.core.dialect.Dialect;
import org.athanor.core.error.CompileError;
import org.athanor.core.sql.Cte;
import org.athanor.core.sql.Statement;
import org.junit.jupiter.api.Test;

/** Exact MySQL/MariaDB SQL for the SQL-surface parts of issue 13. */
class MysqlSqlSurfaceMoreCompilerTest {
    static String sql(Dialect d, Statement s) { return d.compile(s).sql(); }

    @Test
    void updateAndDeleteAddTheTablesTheirWhereNames() {
        var p2 = POSTS.as("p2");
        for (Dialect d : new Dialect[] {MYSQL, MARIADB}) {
            assertEquals("UPDATE users, posts SET users.age = ? WHERE users.id = posts.user_id AND posts.title = ?",
                    sql(d, update(USERS).set(USERS.AGE, 1).where(USERS.ID.eq(POSTS.USER_ID), POSTS.TITLE.eq("t"))));
            assertEquals("DELETE posts FROM posts, users WHERE users.id = posts.user_id AND users.age > ?",
                    sql(d, deleteFrom(POSTS).where(USERS.ID.eq(POSTS.USER_ID), USERS.AGE.gt(3))));
            // a table met only inside EXISTS is correlated, not added
            assertEquals("DELETE FROM users WHERE EXISTS (SELECT posts.id FROM posts WHERE posts.user_id = users.id)",
                    sql(d, deleteFrom(USERS).where(exists(select(POSTS.ID).where(POSTS.USER_ID.eq(USERS.ID))))));
            // correlation inside a multi-table UPDATE sees both tables
            assertEquals("UPDATE users, posts SET users.age = ? WHERE users.id = posts.user_id AND "
                    + "EXISTS (SELECT 1 FROM posts AS p2 WHERE p2.user_id = users.id AND p2.id <> posts.id)",
                    sql(d, update(USERS).set(USERS.AGE, 1).where(USERS.ID.eq(POSTS.USER_ID),
                            exists(select(literal(1)).from(p2).where(p2.USER_ID.eq(USERS.ID), p2.ID.ne(POSTS.ID))))));
        }
        CompileError e = assertThrows(CompileError.class,
                () -> sql(MARIADB, update(POSTS).set(POSTS.TITLE, "x").where(USERS.ID.eq(POSTS.USER_ID)).returning(POSTS.ID)));
        assertTrue(e.getMessage().startsWith("multi-table UPDATE ... RETURNING is not supported by "), e.getMessage());
    }

    @Test
    void aCteNamedByTheWhereJoinsTheTableList() {
        Cte young = select(USERS.ID, USERS.NAME).where(USERS.AGE.lt(3)).cte("young");
        assertEquals("WITH young(id, name) AS (SELECT users.id, users.name FROM users WHERE users.age < ?) "
                + "UPDATE posts, young SET posts.title = young.name WHERE posts.user_id = young.id",
                sql(MYSQL, with(young).statement(update(POSTS).set(POSTS.TITLE, young.get(USERS.NAME)).where(POSTS.USER_ID.eq(young.get(USERS.ID))))));
        CompileError e = assertThrows(CompileError.class, () -> sql(MARIADB,
                with(young).statement(update(POSTS).set(POSTS.TITLE, young.get(USERS.NAME)).where(POSTS.USER_ID.eq(young.get(USERS.ID))))));
        assertTrue(e.getMessage().startsWith("WITH before UPDATE or DELETE"), e.getMessage());
    }

    @Test
    void mixedNumericArithmeticAndDivision() {
        // two integers divide with DIV (truncating, like the other databases); a decimal quotient with /
        assertEquals("SELECT items.price * items.qty, items.qty DIV items.qty, items.price / items.qty, avg(items.qty) FROM items",
                sql(MARIADB, select(ITEMS.PRICE.times(ITEMS.QTY), ITEMS.QTY.div(ITEMS.QTY), ITEMS.PRICE.div(ITEMS.QTY), avg(ITEMS.QTY))));
    }

    @Test
    void valuesTableInFromAndJoins() {
        var v = values("v").column("id", org.athanor.core.type.SqlTypes.INTEGER).column("label", org.athanor.core.type.SqlTypes.TEXT)
                .row(1, "one").row(2, null).build();
        for (Dialect d : new Dialect[] {MYSQL, MARIADB})
            assertEquals("SELECT users.name, v.label FROM users JOIN (SELECT ? AS id, ? AS label UNION ALL SELECT ?, ?) AS v ON users.age = v.id",
                    sql(d, select(USERS.NAME, v.column("label", String.class)).from(USERS).join(v, USERS.AGE.eq(v.column("id", Integer.class)))));
    }

    @Test
    void regularExpressions() {
        assertEquals("SELECT regexp_replace(users.name, ?, ?) FROM users WHERE users.name REGEXP ? AND users.email NOT REGEXP users.name",
                sql(MARIADB, select(regexpReplace(USERS.NAME, "[0-9]+", "#")).where(USERS.NAME.regexpMatch("^a"), USERS.EMAIL.notRegexpMatch(USERS.NAME))));
    }

    @Test
    void fetchFirstAndLimitExpressions() {
        assertEquals("SELECT users.name FROM users ORDER BY users.age OFFSET ? ROWS FETCH FIRST ? ROWS WITH TIES",
                sql(MARIADB, select(USERS.NAME).orderBy(USERS.AGE).offset(2).fetchFirst(3, true)));
        var e = assertThrows(CompileError.class, () -> sql(MYSQL, select(USERS.NAME).orderBy(USERS.AGE).fetchFirst(3)));
        assertTrue(e.getMessage().startsWith("FETCH FIRST n ROWS (use limit()) is not supported by "), e.getMessage());
        assertEquals("SELECT users.name FROM users LIMIT ? OFFSET ?", sql(MARIADB, select(USERS.NAME)
                .limit(bindParam("page", 10L, org.athanor.core.type.SqlTypes.BIGINT)).offset(bindParam("skip", 1L, org.athanor.core.type.SqlTypes.BIGINT))));
        e = assertThrows(CompileError.class, () -> sql(MARIADB, select(USERS.NAME).limit(select(count()).from(POSTS).<Long>scalarSubquery())));
        assertTrue(e.getMessage().startsWith("LIMIT given as an expression other than a bind parameter or literal is not supported by "), e.getMessage());
    }

    @Test
    void computedColumnsInDdl() {
        String sql = MARIADB.ddl().createTable(new org.athanor.core.fixtures.Priced("priced", true), false, java.util.Set.of()).get(0);
        assertTrue(sql.contains("total DECIMAL(12, 2) GENERATED ALWAYS AS (price * qty) STORED, doubled INT GENERATED ALWAYS AS (qty * 2) VIRTUAL"), sql);
    }

    @Test
    void likeWithExpressionsAndEscapeCharacters() {
        assertEquals("SELECT users.id FROM users WHERE users.email LIKE (CONCAT('%', replace(replace(replace(users.name, '/', '//'), '%', '/%'), '_', '/_'), '%')) "
                // a backslash escape character is a hex literal, read alike with and without NO_BACKSLASH_ESCAPES
                + "ESCAPE '/' AND users.name LIKE ? ESCAPE _utf8mb4 X'5c'", sql(MARIADB, select(USERS.ID).where(USERS.EMAIL.contains(USERS.NAME), USERS.NAME.startsWith("a", '\\'))));
    }

    @Test
    void rangeFramesWithDecimalAndIntervalOffsets() {
        var w = window().orderBy(USERS.AGE).range(org.athanor.core.sql.FrameBound.preceding(1, java.time.temporal.ChronoUnit.DAYS), org.athanor.core.sql.FrameBound.currentRow());
        assertEquals("SELECT count(*) OVER (ORDER BY users.age RANGE BETWEEN INTERVAL '1' DAY PRECEDING AND CURRENT ROW) FROM users",
                sql(MYSQL, select(count().over(w))));
        var e = assertThrows(CompileError.class, () -> sql(MARIADB, select(count().over(w))));
        assertTrue(e.getMessage().startsWith("RANGE window frames with an interval offset (INTERVAL ... PRECEDING/FOLLOWING) is not supported by "), e.getMessage());
        assertEquals("SELECT sum(users.age) OVER (ORDER BY users.age RANGE BETWEEN 1.5 PRECEDING AND CURRENT ROW) FROM users",
                sql(MARIADB, select(sum(USERS.AGE).over(window().orderBy(USERS.AGE).range(org.athanor.core.sql.FrameBound.preceding(new java.math.BigDecimal("1.5")),
                        org.athanor.core.sql.FrameBound.currentRow())))));
    }
}
