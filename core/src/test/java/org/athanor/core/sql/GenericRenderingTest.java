package org.athanor.core.sql;

import static org.athanor.core.fixtures.Posts.POSTS;
import static org.athanor.core.fixtures.Users.USERS;
import static org.athanor.core.sql.Sql.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.athanor.core.dialect.GenericDialect;
import org.athanor.core.error.CompileError;
import org.junit.jupiter.api.Test;

/**
 * {@code statement.toString()} renders with the generic (ANSI) dialect and needs no database: core's
 * test classpath has no JDBC driver at all, and no Engine is created here.
 */
class GenericRenderingTest {
    @Test
    void toStringRendersWithoutAnyDatabase() {
        assertEquals("SELECT users.name FROM users WHERE users.age > ? LIMIT ? OFFSET ?",
                select(USERS.NAME).where(USERS.AGE.gt(30)).limit(5).offset(10).toString());
        assertEquals("SELECT users.name FROM users OFFSET ?", select(USERS.NAME).offset(10).toString());
        assertEquals("SELECT users.name, posts.title FROM users JOIN posts ON posts.user_id = users.id",
                select(USERS.NAME, POSTS.TITLE).join(POSTS).toString());
        assertEquals("INSERT INTO users (name, age) VALUES (?, ?)", insert(USERS).set(USERS.NAME, "a").set(USERS.AGE, 1).toString());
        assertEquals("UPDATE users SET age = ? WHERE users.id = ? RETURNING id", update(USERS).set(USERS.AGE, 1).where(USERS.ID.eq(1L))
                .returning(USERS.ID).toString());
        assertEquals("DELETE FROM users WHERE users.name LIKE ? ESCAPE '/'", deleteFrom(USERS).where(USERS.NAME.contains("%")).toString());
        assertEquals("?", param(3).toString());
    }

    @Test
    void genericSpellingsDifferFromSqlite() {
        assertEquals("SELECT users.id FROM users WHERE 1 = 0", select(USERS.ID).where(USERS.AGE.in(List.of())).toString());
        assertEquals("SELECT users.id FROM users WHERE 1 = 1", select(USERS.ID).where(USERS.AGE.notIn(List.of())).toString());
        assertEquals("SELECT users.id FROM users WHERE users.age IS DISTINCT FROM ?", select(USERS.ID).where(USERS.AGE.isDistinctFrom(1)).toString());
        assertEquals("SELECT users.id FROM users WHERE users.age IS NOT DISTINCT FROM users.age",
                select(USERS.ID).where(USERS.AGE.isNotDistinctFrom(USERS.AGE)).toString());
        assertEquals("SELECT users.id FROM users FOR UPDATE", select(USERS.ID).forUpdate().toString());
        assertEquals("SELECT TRUE, 'it''s', 1.50, X'0aff'",
                select(literal(true), literal("it's"), literal(new java.math.BigDecimal("1.50")), literal(new byte[] {10, -1})).toString());
    }

    @Test
    void literalBindsRenderValuesForLogs() {
        var c = GenericDialect.INSTANCE.compile(select(USERS.NAME).where(USERS.NAME.eq("O'Hara"), USERS.AGE.in(1, 2, 3)), true);
        assertEquals("SELECT users.name FROM users WHERE users.name = 'O''Hara' AND users.age IN (1, 2, 3)", c.sql());
        assertEquals(List.of(), c.parameters());
    }

    @Test
    void anUpdateWithoutSetCannotRender() {
        CompileError e = assertThrows(CompileError.class, () -> update(USERS).where(USERS.ID.eq(1L)).toString());
        assertEquals("UPDATE users has no SET clause; call set(column, value)", e.getMessage());
    }

    @Test
    void withFromReplacesTheFromListAndKeepsTheRest() {
        Select<?> q = select(USERS.NAME).from(USERS).join(POSTS).where(USERS.AGE.gt(30)).orderBy(USERS.NAME.asc()).limit(3);
        assertEquals("SELECT users.name FROM users WHERE users.age > ? ORDER BY users.name LIMIT ?",
                q.withFrom(List.of(USERS)).toString());
        assertEquals("SELECT users.name FROM users WHERE users.age > ? ORDER BY users.name LIMIT ?",
                q.withFrom(List.of()).toString(), "empty: inferred from the columns again");
        assertEquals("SELECT users.name FROM users JOIN posts ON posts.user_id = users.id WHERE users.age > ? ORDER BY users.name LIMIT ?",
                q.toString(), "the receiver is unchanged");
    }
}
