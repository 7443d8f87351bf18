package org.athanor.sqlite;

import static org.athanor.core.fixtures.Users.USERS;
import static org.athanor.core.sql.Sql.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.Arrays;
import java.util.List;
import org.athanor.core.compile.CompiledStatement;
import org.athanor.core.sql.Statement;
import org.athanor.core.type.SqlTypes;
import org.junit.jupiter.api.Test;

/** Exact SQLite SQL for the SELECT surface: columns, WHERE operators, logic, IN, LIKE, functions, ordering, paging. */
class SqliteCompilerTest {
    static CompiledStatement compile(Statement s) { return SqliteDialect.INSTANCE.compile(s); }

    /** Asserts the SQL text and the values bound to its placeholders, in order. */
    static void assertSql(String expected, Statement s, Object... params) {
        CompiledStatement c = compile(s);
        assertEquals(expected, c.sql());
        assertEquals(Arrays.asList(params), c.parameters(), "parameters of " + expected);
    }

    @Test
    void columnListsAndSelectFrom() {
        assertSql("SELECT users.name, users.age FROM users", select(USERS.NAME, USERS.AGE));
        assertSql("SELECT users.id, users.name, users.age, users.email FROM users", selectFrom(USERS));
        assertSql("SELECT users.name FROM users", select(USERS.NAME).from(USERS));
        assertSql("SELECT users.id, users.name, users.age, users.email, users.id, users.name, users.age, users.email, users.id FROM users",
                select(USERS.ID, USERS.NAME, USERS.AGE, USERS.EMAIL, USERS.ID, USERS.NAME, USERS.AGE, USERS.EMAIL, USERS.ID));
        assertSql("SELECT users.name, users.age FROM users", select(List.of(USERS.NAME, USERS.AGE)));
    }

    @Test
    void everyComparisonOperatorBindsItsValue() {
        assertSql("SELECT users.id FROM users WHERE users.age = ?", select(USERS.ID).where(USERS.AGE.eq(1)), 1);
        assertSql("SELECT users.id FROM users WHERE users.age <> ?", select(USERS.ID).where(USERS.AGE.ne(2)), 2);
        assertSql("SELECT users.id FROM users WHERE users.age < ?", select(USERS.ID).where(USERS.AGE.lt(3)), 3);
        assertSql("SELECT users.id FROM users WHERE users.age <= ?", select(USERS.ID).where(USERS.AGE.le(4)), 4);
        assertSql("SELECT users.id FROM users WHERE users.age > ?", select(USERS.ID).where(USERS.AGE.gt(5)), 5);
        assertSql("SELECT users.id FROM users WHERE users.age >= ?", select(USERS.ID).where(USERS.AGE.ge(6)), 6);
        assertSql("SELECT users.id FROM users WHERE users.name = users.email", select(USERS.ID).where(USERS.NAME.eq(USERS.EMAIL)));
        assertSql("SELECT users.id FROM users WHERE users.name <> users.email", select(USERS.ID).where(USERS.NAME.ne(USERS.EMAIL)));
        assertSql("SELECT users.id FROM users WHERE users.age < users.age", select(USERS.ID).where(USERS.AGE.lt(USERS.AGE)));
        assertSql("SELECT users.id FROM users WHERE users.age >= users.age", select(USERS.ID).where(USERS.AGE.ge(USERS.AGE)));
    }

    @Test
    void aBigintColumnAcceptsAnIntegerValueWidenedToLong() {
        assertSql("SELECT users.name FROM users WHERE users.id IN (?)", select(USERS.NAME).where(USERS.ID.in(7)), 7L);
    }

    @Test
    void nullComparisonsBecomeIsNull() {
        assertSql("SELECT users.id FROM users WHERE users.age IS NULL", select(USERS.ID).where(USERS.AGE.isNull()));
        assertSql("SELECT users.id FROM users WHERE users.age IS NOT NULL", select(USERS.ID).where(USERS.AGE.isNotNull()));
        assertSql("SELECT users.id FROM users WHERE users.age IS NULL", select(USERS.ID).where(USERS.AGE.eq((Integer) null)));
        assertSql("SELECT users.id FROM users WHERE users.age IS NOT NULL", select(USERS.ID).where(USERS.AGE.ne((Integer) null)));
    }

    @Test
    void andOrNotNestWithParentheses() {
        assertSql("SELECT users.id FROM users WHERE users.age > ? AND users.name = ?",
                select(USERS.ID).where(USERS.AGE.gt(1), USERS.NAME.eq("a")), 1, "a");
        assertSql("SELECT users.id FROM users WHERE users.age > ? AND users.name = ?",
                select(USERS.ID).where(USERS.AGE.gt(1)).where(USERS.NAME.eq("a")), 1, "a");
        assertSql("SELECT users.id FROM users WHERE users.age > ? OR users.name = ?",
                select(USERS.ID).where(or(USERS.AGE.gt(1), USERS.NAME.eq("a"))), 1, "a");
        assertSql("SELECT users.id FROM users WHERE users.age > ? AND (users.name = ? OR users.name = ?)",
                select(USERS.ID).where(and(USERS.AGE.gt(1), or(USERS.NAME.eq("a"), USERS.NAME.eq("b")))), 1, "a", "b");
        assertSql("SELECT users.id FROM users WHERE (users.age > ? AND users.age < ?) OR users.name = ?",
                select(USERS.ID).where(or(and(USERS.AGE.gt(1), USERS.AGE.lt(9)), USERS.NAME.eq("a"))), 1, 9, "a");
        // a nested AND of ANDs flattens, so no parentheses are needed
        assertSql("SELECT users.id FROM users WHERE users.age > ? AND users.age < ? AND users.name = ?",
                select(USERS.ID).where(and(and(USERS.AGE.gt(1), USERS.AGE.lt(9)), USERS.NAME.eq("a"))), 1, 9, "a");
        assertSql("SELECT users.id FROM users WHERE NOT (users.age > ?)", select(USERS.ID).where(not(USERS.AGE.gt(1))), 1);
        assertSql("SELECT users.id FROM users WHERE NOT (users.age > ? OR users.age IS NULL)",
                select(USERS.ID).where(not(or(USERS.AGE.gt(1), USERS.AGE.isNull()))), 1);
        assertSql("SELECT users.id FROM users WHERE NOT (NOT (users.age = ?))", select(USERS.ID).where(USERS.AGE.eq(3).not().not()), 3);
        assertSql("SELECT users.id FROM users WHERE users.age = ? OR (users.age = ? AND users.name = ?)",
                select(USERS.ID).where(USERS.AGE.eq(1).or(USERS.AGE.eq(2).and(USERS.NAME.eq("x")))), 1, 2, "x");
        assertSql("SELECT users.id FROM users WHERE 1", select(USERS.ID).where(and()));
        assertSql("SELECT users.id FROM users WHERE 0", select(USERS.ID).where(or()));
    }

    @Test
    void inListsAndSubqueries() {
        assertSql("SELECT users.id FROM users WHERE users.age IN (?, ?)", select(USERS.ID).where(USERS.AGE.in(1, 2)), 1, 2);
        assertSql("SELECT users.id FROM users WHERE users.age NOT IN (?, ?)", select(USERS.ID).where(USERS.AGE.notIn(List.of(1, 2))), 1, 2);
        // three values pad to the bucket of four by repeating the last: same result, shared SQL
        assertSql("SELECT users.id FROM users WHERE users.age IN (?, ?, ?, ?)", select(USERS.ID).where(USERS.AGE.in(1, 2, 3)), 1, 2, 3, 3);
        assertSql("SELECT users.id FROM users WHERE users.age IN (?)", select(USERS.ID).where(USERS.AGE.in(List.of(5))), 5);
        assertSql("SELECT users.id FROM users WHERE users.age IN (users.age, ?)", select(USERS.ID).where(USERS.AGE.in(USERS.AGE, 4)), 4);
        assertSql("SELECT users.id FROM users WHERE users.id IN (SELECT users.id FROM users WHERE users.age > ?)",
                select(USERS.ID).where(USERS.ID.in(select(USERS.ID).where(USERS.AGE.gt(3)))), 3);
        assertSql("SELECT users.id FROM users WHERE users.id NOT IN (SELECT users.id FROM users WHERE users.age > ?)",
                select(USERS.ID).where(USERS.ID.notIn(select(USERS.ID).where(USERS.AGE.gt(3)))), 3);
    }

    @Test
    void emptyInIsFalseAndEmptyNotInTrue() {
        assertSql("SELECT users.id FROM users WHERE 0", select(USERS.ID).where(USERS.AGE.in(List.of())));
        assertSql("SELECT users.id FROM users WHERE 1", select(USERS.ID).where(USERS.AGE.notIn(List.of())));
        assertSql("SELECT users.id FROM users WHERE users.name = ? AND 0", select(USERS.ID).where(USERS.NAME.eq("a"), USERS.AGE.in()), "a");
        assertSql("SELECT users.id FROM users WHERE NOT (0)", select(USERS.ID).where(not(USERS.AGE.in())));
    }

    @Test
    void between() {
        assertSql("SELECT users.id FROM users WHERE users.age BETWEEN ? AND ?", select(USERS.ID).where(USERS.AGE.between(18, 65)), 18, 65);
        assertSql("SELECT users.id FROM users WHERE users.age NOT BETWEEN ? AND ?", select(USERS.ID).where(USERS.AGE.notBetween(1, 2)), 1, 2);
        assertSql("SELECT users.id FROM users WHERE users.age BETWEEN users.age AND (users.age + ?)",
                select(USERS.ID).where(USERS.AGE.between(USERS.AGE, USERS.AGE.plus(1))), 1);
    }

    @Test
    void likeAndTheEscapingShortcuts() {
        assertSql("SELECT users.id FROM users WHERE users.name LIKE ?", select(USERS.ID).where(USERS.NAME.like("A%")), "A%");
        assertSql("SELECT users.id FROM users WHERE users.name NOT LIKE ?", select(USERS.ID).where(USERS.NAME.notLike("A%")), "A%");
        assertSql("SELECT users.id FROM users WHERE users.name LIKE ? ESCAPE '!'", select(USERS.ID).where(USERS.NAME.like("1!%%", '!')), "1!%%");
        assertSql("SELECT users.id FROM users WHERE users.name NOT LIKE ? ESCAPE '\\'", select(USERS.ID).where(USERS.NAME.notLike("a\\_b", '\\')), "a\\_b");
        assertSql("SELECT users.id FROM users WHERE users.name LIKE ? ESCAPE ''''", select(USERS.ID).where(USERS.NAME.like("x", '\'')), "x");
        assertSql("SELECT users.id FROM users WHERE users.name LIKE ? ESCAPE '/'", select(USERS.ID).where(USERS.NAME.startsWith("50%_off")), "50/%/_off%");
        assertSql("SELECT users.id FROM users WHERE users.name LIKE ? ESCAPE '/'", select(USERS.ID).where(USERS.NAME.endsWith("a_b")), "%a/_b");
        assertSql("SELECT users.id FROM users WHERE users.name LIKE ? ESCAPE '/'", select(USERS.ID).where(USERS.NAME.contains("1/2%")), "%1//2/%%");
        assertSql("SELECT users.id FROM users WHERE lower(users.name) LIKE lower(?)", select(USERS.ID).where(USERS.NAME.ilike("a%")), "a%");
    }

    @Test
    void arithmeticAndConcatenation() {
        assertSql("SELECT users.age + ? FROM users", select(USERS.AGE.plus(1)), 1);
        assertSql("SELECT users.age - ? FROM users", select(USERS.AGE.minus(2)), 2);
        assertSql("SELECT users.age * ? FROM users", select(USERS.AGE.times(3)), 3);
        assertSql("SELECT users.age / ? FROM users", select(USERS.AGE.div(4)), 4);
        assertSql("SELECT users.age % ? FROM users", select(USERS.AGE.mod(5)), 5);
        assertSql("SELECT -users.age FROM users", select(USERS.AGE.neg()));
        assertSql("SELECT (users.age + ?) * ? FROM users", select(USERS.AGE.plus(1).times(2)), 1, 2);
        assertSql("SELECT users.age + (users.age * ?) FROM users", select(USERS.AGE.plus(USERS.AGE.times(2))), 2);
        assertSql("SELECT users.name || ? FROM users", select(USERS.NAME.concat("!")), "!");
        assertSql("SELECT (users.name || ?) || users.email FROM users", select(USERS.NAME.concat(" ").concat(USERS.EMAIL)), " ");
        assertSql("SELECT users.id FROM users WHERE (users.age + ?) > ?", select(USERS.ID).where(USERS.AGE.plus(1).gt(10)), 1, 10);
    }

    @Test
    void aggregatesAndFunctions() {
        assertSql("SELECT count(*) FROM users", select(count()).from(USERS));
        assertSql("SELECT count(users.email) FROM users", select(count(USERS.EMAIL)));
        assertSql("SELECT count(DISTINCT users.age) FROM users", select(countDistinct(USERS.AGE)));
        assertSql("SELECT sum(users.age), avg(users.age), min(users.age), max(users.age) FROM users",
                select(sum(USERS.AGE), avg(USERS.AGE), min(USERS.AGE), max(USERS.AGE)));
        assertSql("SELECT lower(users.name), upper(users.name), length(users.name) FROM users",
                select(lower(USERS.NAME), upper(USERS.NAME), length(USERS.NAME)));
        assertSql("SELECT coalesce(users.email, ?, users.name) FROM users", select(coalesce(USERS.EMAIL, "none", USERS.NAME)), "none");
        assertSql("SELECT abs(users.age), round(users.age), round(users.age, ?) FROM users",
                select(abs(USERS.AGE), round(USERS.AGE), round(USERS.AGE, 2)), 2);
        assertSql("SELECT printf(?, users.name, users.age) FROM users",
                select(func("printf", SqlTypes.TEXT, param("%s is %d"), USERS.NAME, USERS.AGE)), "%s is %d");
        assertSql("SELECT random()", select(func("random", SqlTypes.BIGINT)));
        assertSql("SELECT CAST(users.age AS TEXT) FROM users", select(cast(USERS.AGE, SqlTypes.TEXT)));
    }

    @Test
    void labelsDistinctGroupByHaving() {
        assertSql("SELECT users.name AS n, count(*) AS c FROM users GROUP BY users.name HAVING count(*) > ? ORDER BY c DESC",
                select(USERS.NAME.as("n"), count().as("c")).groupBy(USERS.NAME).having(count().gt(1L)).orderBy(count().as("c").desc()), 1L);
        assertSql("SELECT DISTINCT users.age FROM users", select(USERS.AGE).distinct());
        assertSql("SELECT users.age, count(*) FROM users GROUP BY users.age HAVING count(*) > ? AND max(users.age) < ?",
                select(USERS.AGE, count()).groupBy(USERS.AGE).having(count().gt(1L)).having(max(USERS.AGE).lt(90)), 1L, 90);
        assertSql("SELECT users.name AS \"Full Name\" FROM users", select(USERS.NAME.as("Full Name")));
    }

    @Test
    void orderByDirectionsAndNulls() {
        assertSql("SELECT users.id FROM users ORDER BY users.name, users.age DESC",
                select(USERS.ID).orderBy(USERS.NAME, USERS.AGE.desc()));
        assertSql("SELECT users.id FROM users ORDER BY users.name", select(USERS.ID).orderBy(USERS.NAME.asc()));
        assertSql("SELECT users.id FROM users ORDER BY users.age NULLS FIRST, users.name DESC NULLS LAST",
                select(USERS.ID).orderBy(USERS.AGE.asc().nullsFirst(), USERS.NAME.desc().nullsLast()));
    }

    @Test
    void limitAndOffsetAreBound() {
        assertSql("SELECT users.id FROM users LIMIT ?", select(USERS.ID).limit(10), 10L);
        assertSql("SELECT users.id FROM users LIMIT -1 OFFSET ?", select(USERS.ID).offset(5), 5L);
        assertSql("SELECT users.id FROM users LIMIT ? OFFSET ?", select(USERS.ID).limit(10).offset(20), 10L, 20L);
        assertSql("SELECT users.id FROM users WHERE users.age > ? ORDER BY users.id LIMIT ? OFFSET ?",
                select(USERS.ID).offset(2).where(USERS.AGE.gt(1)).limit(3).orderBy(USERS.ID), 1, 3L, 2L);
    }

    @Test
    void nullSafeComparisonUsesSqliteIs() {
        assertSql("SELECT users.id FROM users WHERE users.age IS NOT ?", select(USERS.ID).where(USERS.AGE.isDistinctFrom(3)), 3);
        assertSql("SELECT users.id FROM users WHERE users.age IS ?", select(USERS.ID).where(USERS.AGE.isNotDistinctFrom(3)), 3);
    }

    @Test
    void buildingNeverChangesTheReceiver() {
        var base = select(USERS.ID);
        base.where(USERS.AGE.gt(1)).orderBy(USERS.NAME).limit(3).distinct();
        assertSql("SELECT users.id FROM users", base);
    }
}
