package org.athanor.sqlite;

import static org.athanor.core.fixtures.Items.ITEMS;
import static org.athanor.core.fixtures.Posts.POSTS;
import static org.athanor.core.fixtures.Users.USERS;
import static org.athanor.core.sql.Sql.*;
import static org.junit.jupiter.api.Assertions.*;

import org.athanor.core.error.CompileError;
import org.athanor.core.sql.Cte;
import org.athanor.core.sql.Statement;
import org.junit.jupiter.api.Test;

/** Exact SQLite SQL for the SQL-surface parts of issue 13. */
class SqliteSqlSurfaceMoreCompilerTest {
    static String sql(Statement s) { return SqliteDialect.INSTANCE.compile(s).sql(); }

    @Test
    void updateAndDeleteAddTheTablesTheirWhereNames() {
        assertEquals("UPDATE users SET age = ? FROM posts WHERE users.id = posts.user_id AND posts.title = ?",
                sql(update(USERS).set(USERS.AGE, 1).where(USERS.ID.eq(POSTS.USER_ID), POSTS.TITLE.eq("t"))));
        // SQLite's DELETE has no USING: the other tables move into a correlated EXISTS, which deletes the same rows
        assertEquals("DELETE FROM posts WHERE EXISTS (SELECT 1 FROM users WHERE users.id = posts.user_id AND users.age > ?)",
                sql(deleteFrom(POSTS).where(USERS.ID.eq(POSTS.USER_ID), USERS.AGE.gt(3))));
        assertEquals("DELETE FROM posts WHERE EXISTS (SELECT 1 FROM users WHERE users.id = posts.user_id) RETURNING id",
                sql(deleteFrom(POSTS).where(USERS.ID.eq(POSTS.USER_ID)).returning(POSTS.ID)));
        CompileError e = assertThrows(CompileError.class,
                () -> sql(deleteFrom(POSTS).where(USERS.ID.eq(POSTS.USER_ID)).returning(POSTS.ID, USERS.NAME)));
        assertEquals("DELETE ... RETURNING a column of another table (users) without DELETE ... USING is not supported by SQLite",
                e.getMessage());
    }

    @Test
    void aCteNamedByTheWhereJoinsTheFromList() {
        Cte young = select(USERS.ID, USERS.NAME).where(USERS.AGE.lt(3)).cte("young");
        assertEquals("WITH young(id, name) AS (SELECT users.id, users.name FROM users WHERE users.age < ?) "
                + "UPDATE posts SET title = young.name FROM young WHERE posts.user_id = young.id",
                sql(with(young).statement(update(POSTS).set(POSTS.TITLE, young.get(USERS.NAME)).where(POSTS.USER_ID.eq(young.get(USERS.ID))))));
        assertEquals("WITH young(id, name) AS (SELECT users.id, users.name FROM users WHERE users.age < ?) "
                + "DELETE FROM posts WHERE EXISTS (SELECT 1 FROM young WHERE posts.user_id = young.id)",
                sql(with(young).statement(deleteFrom(POSTS).where(POSTS.USER_ID.eq(young.get(USERS.ID))))));
    }

    @Test
    void mixedNumericArithmeticAndDivision() {
        // a NUMERIC quotient divides as REAL: SQLite keeps 3.00 as the integer 3, and 3 / 2 would be 1
        assertEquals("SELECT items.price * items.qty, items.qty / items.qty, CAST(items.price AS REAL) / items.qty, "
                + "CAST(CAST(items.qty AS NUMERIC) AS REAL) / ?, avg(items.qty) FROM items",
                sql(select(ITEMS.PRICE.times(ITEMS.QTY), ITEMS.QTY.div(ITEMS.QTY), ITEMS.PRICE.div(ITEMS.QTY),
                        cast(ITEMS.QTY, org.athanor.core.type.SqlTypes.NUMERIC).div(java.math.BigDecimal.TEN), avg(ITEMS.QTY))));
    }

    @Test
    void valuesTableInFromAndJoins() {
        // SQLite cannot name a derived table's columns: the rows become SELECT ... UNION ALL
        var v = values("v").column("id", org.athanor.core.type.SqlTypes.INTEGER).column("label", org.athanor.core.type.SqlTypes.TEXT)
                .row(1, "one").row(2, null).build();
        assertEquals("SELECT users.name, v.label FROM users JOIN (SELECT ? AS id, ? AS label UNION ALL SELECT ?, ?) AS v ON users.age = v.id",
                sql(select(USERS.NAME, v.column("label", String.class)).from(USERS).join(v, USERS.AGE.eq(v.column("id", Integer.class)))));
    }

    @Test
    void regularExpressions() {
        assertEquals("SELECT regexp_replace(users.name, ?, ?) FROM users WHERE users.name REGEXP ? AND users.email NOT REGEXP users.name",
                sql(select(regexpReplace(USERS.NAME, "[0-9]+", "#")).where(USERS.NAME.regexpMatch("^a"), USERS.EMAIL.notRegexpMatch(USERS.NAME))));
    }

    @Test
    void fetchFirstAndLimitExpressions() {
        var e = assertThrows(CompileError.class, () -> sql(select(USERS.NAME).orderBy(USERS.AGE).fetchFirst(3)));
        assertEquals("FETCH FIRST n ROWS (use limit()) is not supported by SQLite", e.getMessage());
        assertEquals("SELECT users.name FROM users LIMIT ? OFFSET (SELECT count(*) FROM posts)",
                sql(select(USERS.NAME).limit(bindParam("page", 10L, org.athanor.core.type.SqlTypes.BIGINT))
                        .offset(select(count()).from(POSTS).<Long>scalarSubquery())));
        assertEquals("SELECT users.name FROM users LIMIT -1 OFFSET ?", sql(select(USERS.NAME).offset(bindParam("skip", 1L, org.athanor.core.type.SqlTypes.BIGINT))));
    }

    @Test
    void computedColumnsInDdl() {
        assertEquals("CREATE TABLE priced (id INTEGER NOT NULL, price NUMERIC(10, 2), qty INTEGER, "
                + "total NUMERIC(12, 2) GENERATED ALWAYS AS (price * qty) STORED, doubled INTEGER GENERATED ALWAYS AS (qty * 2) VIRTUAL, "
                + "PRIMARY KEY (id))", SqliteDialect.INSTANCE.ddl().createTable(new org.athanor.core.fixtures.Priced("priced", true), false, java.util.Set.of()).get(0));
    }

    @Test
    void generationExpressionsAreReadFromTheCreateTableText() {
        String ddl = "CREATE TABLE \"t x\" (id INTEGER, \"a,b\" TEXT DEFAULT 'x, AS (y)', c INT GENERATED ALWAYS AS (length(\"a,b\") * (2 + 1)) STORED,"
                + " [d] INT AS(c + 1), CONSTRAINT k CHECK (c > 0))";
        assertEquals("length(\"a,b\") * (2 + 1)", SqliteDdlText.generationExpression(ddl, "c"));
        assertEquals("c + 1", SqliteDdlText.generationExpression(ddl, "d"));
        assertNull(SqliteDdlText.generationExpression(ddl, "a,b"));
        assertNull(SqliteDdlText.generationExpression(ddl, "id"));
    }

    @Test
    void likeWithExpressionsAndEscapeCharacters() {
        assertEquals("SELECT users.id FROM users WHERE users.email LIKE ('%' || replace(replace(replace(users.name, '!', '!!'), '%', '!%'), '_', '!_')) "
                + "ESCAPE '!'", sql(select(USERS.ID).where(USERS.EMAIL.endsWith(USERS.NAME, '!'))));
        assertThrows(IllegalArgumentException.class, () -> USERS.NAME.startsWith("x", '%'));
    }

    @Test
    void rangeFramesWithDecimalAndIntervalOffsets() {
        var w = window().orderBy(USERS.AGE);
        assertEquals("SELECT sum(users.age) OVER (ORDER BY users.age RANGE BETWEEN 1.5 PRECEDING AND CURRENT ROW) FROM users",
                sql(select(sum(USERS.AGE).over(w.range(org.athanor.core.sql.FrameBound.preceding(new java.math.BigDecimal("1.5")), org.athanor.core.sql.FrameBound.currentRow())))));
        var e = assertThrows(CompileError.class, () -> sql(select(count().over(w.range(org.athanor.core.sql.FrameBound.preceding(1, java.time.temporal.ChronoUnit.DAYS),
                org.athanor.core.sql.FrameBound.currentRow())))));
        assertEquals("RANGE window frames with an interval offset (INTERVAL ... PRECEDING/FOLLOWING) is not supported by SQLite", e.getMessage());
    }
}
