package org.athanor.sqlite;

import static org.athanor.core.fixtures.Posts.POSTS;
import static org.athanor.core.fixtures.Users.USERS;
import static org.athanor.core.sql.Sql.*;
import static org.athanor.sqlite.Employees.EMPLOYEES;
import static org.athanor.sqlite.Messages.MESSAGES;
import static org.athanor.sqlite.SqliteCompilerTest.assertSql;
import static org.athanor.sqlite.Tags.TAGS;
import static org.junit.jupiter.api.Assertions.*;

import org.athanor.core.fixtures.Posts;
import org.athanor.core.fixtures.Users;
import org.athanor.core.schema.Column;
import org.athanor.core.sql.Subquery;
import org.junit.jupiter.api.Test;

/** Exact SQLite SQL for joins (inferred ON), aliases, subqueries, derived tables and FROM inference. */
class SqliteJoinSubqueryTest {
    @Test
    void innerAndLeftJoinsInferTheOnClauseFromTheForeignKey() {
        assertSql("SELECT users.name, posts.title FROM users JOIN posts ON posts.user_id = users.id",
                select(USERS.NAME, POSTS.TITLE).join(POSTS));
        assertSql("SELECT users.name, posts.title FROM users LEFT OUTER JOIN posts ON posts.user_id = users.id",
                select(USERS.NAME, POSTS.TITLE).leftJoin(POSTS));
        // joining from the child side finds the same key
        assertSql("SELECT posts.title, users.name FROM posts JOIN users ON posts.user_id = users.id",
                select(POSTS.TITLE, USERS.NAME).from(POSTS).join(USERS));
        assertSql("SELECT users.name FROM users JOIN posts ON posts.user_id = users.id",
                select(USERS.NAME).from(USERS.join(POSTS)));
        // the target's own columns may come first in the select list: the join starts from the other table
        assertSql("SELECT posts.title, users.name FROM users JOIN posts ON posts.user_id = users.id",
                select(POSTS.TITLE, USERS.NAME).join(POSTS));
        assertSql("SELECT users.name FROM users LEFT OUTER JOIN posts ON posts.user_id = users.id WHERE posts.id IS NULL",
                select(USERS.NAME).from(USERS.leftJoin(POSTS)).where(POSTS.ID.isNull()));
    }

    @Test
    void anExplicitOnClauseIsKept() {
        assertSql("SELECT users.name FROM users JOIN posts ON posts.user_id = users.id AND posts.title = ?",
                select(USERS.NAME).from(USERS).join(POSTS, POSTS.USER_ID.eq(USERS.ID).and(POSTS.TITLE.eq("t"))), "t");
        assertSql("SELECT users.name FROM users LEFT OUTER JOIN tags ON 0",
                select(USERS.NAME).from(USERS).leftJoin(TAGS, or()));
    }

    @Test
    void noForeignKeyOrSeveralIsAClearError() {
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class, () -> select(USERS.NAME).join(TAGS));
        assertEquals("no foreign key links [users] and tags; give the ON clause explicitly", none.getMessage());
        IllegalArgumentException several = assertThrows(IllegalArgumentException.class,
                () -> select(MESSAGES.ID).from(MESSAGES).join(USERS));
        assertTrue(several.getMessage().startsWith("several foreign keys link [messages] and users"), several.getMessage());
        assertTrue(several.getMessage().contains("sender_id") && several.getMessage().contains("recipient_id"), several.getMessage());
        assertTrue(several.getMessage().endsWith("give the ON clause explicitly to choose one"), several.getMessage());
    }

    @Test
    void typedAliasesKeepTypedColumns() {
        Users u = USERS.as("u");
        Column<String> name = u.NAME; // typed field on the alias
        assertSql("SELECT u.name FROM users AS u WHERE u.age > ?", select(name).where(u.AGE.gt(3)), 3);
        Posts p = POSTS.as("p");
        assertSql("SELECT u.name, p.title FROM users AS u JOIN posts AS p ON p.user_id = u.id", select(u.NAME, p.TITLE).join(p));
    }

    @Test
    void untypedTablesAndTheirAliasesJoinThroughTheirForeignKeys() {
        var authors = org.athanor.core.schema.Table.of("authors", org.athanor.core.schema.Table.col("id", org.athanor.core.type.SqlTypes.BIGINT,
                org.athanor.core.schema.Table.Options.primaryKey()));
        var books = org.athanor.core.schema.Table.of("books", org.athanor.core.schema.Table.col("id", org.athanor.core.type.SqlTypes.BIGINT,
                org.athanor.core.schema.Table.Options.primaryKey()), org.athanor.core.schema.Table.col("author_id", org.athanor.core.type.SqlTypes.BIGINT,
                org.athanor.core.schema.Table.Options.references(authors.column("id"))));
        var b = books.as("b");
        var a = authors.as("a");
        assertSql("SELECT a.id, b.id FROM authors AS a JOIN books AS b ON b.author_id = a.id", select(a.column("id"), b.column("id")).join(b));
        assertSql("SELECT b.id FROM books AS b JOIN authors ON b.author_id = authors.id", select(b.column("id")).join(authors));
    }

    @Test
    void selfJoinThroughAliases() {
        Employees boss = EMPLOYEES.as("boss");
        assertSql("SELECT employees.name, boss.name FROM employees JOIN employees AS boss ON employees.manager_id = boss.id",
                select(EMPLOYEES.NAME, boss.NAME).from(EMPLOYEES).join(boss, EMPLOYEES.MANAGER_ID.eq(boss.ID)));
        // inferred from the self-referencing key: exactly one condition, not one per direction
        assertSql("SELECT employees.name, boss.name FROM employees JOIN employees AS boss ON boss.manager_id = employees.id",
                select(EMPLOYEES.NAME, boss.NAME).from(EMPLOYEES).join(boss));
        Users a = USERS.as("a"), b = USERS.as("b");
        assertSql("SELECT a.name, b.name FROM users AS a JOIN users AS b ON a.age = b.age AND a.id < b.id",
                select(a.NAME, b.NAME).from(a).join(b, a.AGE.eq(b.AGE).and(a.ID.lt(b.ID))));
    }

    @Test
    void fromIsInferredFromTheColumnsUsed() {
        assertSql("SELECT users.name, posts.title FROM users, posts WHERE posts.user_id = users.id",
                select(USERS.NAME, POSTS.TITLE).where(POSTS.USER_ID.eq(USERS.ID)));
        assertSql("SELECT users.name FROM users, posts WHERE posts.title = ?", select(USERS.NAME).where(POSTS.TITLE.eq("x")), "x");
        assertSql("SELECT count(*) FROM posts WHERE posts.id > ?", select(count()).where(POSTS.ID.gt(1L)), 1L);
        assertSql("SELECT count(*)", select(count()));
    }

    @Test
    void scalarSubqueriesCorrelateToTheOuterTable() {
        assertSql("SELECT users.name, (SELECT count(*) FROM posts WHERE posts.user_id = users.id) AS n FROM users",
                select(USERS.NAME, select(count()).from(POSTS).where(POSTS.USER_ID.eq(USERS.ID)).scalarSubquery().as("n")));
        // no explicit FROM inside: posts is inferred, users is correlated (absent from the inner FROM)
        assertSql("SELECT users.name, (SELECT count(posts.id) FROM posts WHERE posts.user_id = users.id) FROM users",
                select(USERS.NAME, select(count(POSTS.ID)).where(POSTS.USER_ID.eq(USERS.ID)).scalarSubquery()));
        // the same table inside and out, uncorrelated: the inner keeps its FROM
        assertSql("SELECT users.name FROM users WHERE users.age = (SELECT max(users.age) FROM users)",
                select(USERS.NAME).where(USERS.AGE.eq(select(max(USERS.AGE)).<Integer>scalarSubquery())));
    }

    @Test
    void existsSubqueries() {
        assertSql("SELECT users.name FROM users WHERE EXISTS (SELECT posts.id FROM posts WHERE posts.user_id = users.id AND posts.title LIKE ?)",
                select(USERS.NAME).where(exists(select(POSTS.ID).where(POSTS.USER_ID.eq(USERS.ID), POSTS.TITLE.like("A%")))), "A%");
        assertSql("SELECT users.name FROM users WHERE NOT EXISTS (SELECT posts.id FROM posts WHERE posts.user_id = users.id)",
                select(USERS.NAME).where(notExists(select(POSTS.ID).where(POSTS.USER_ID.eq(USERS.ID)))));
        assertSql("SELECT users.name FROM users WHERE users.age > ? AND EXISTS (SELECT posts.id FROM posts WHERE posts.user_id = users.id)",
                select(USERS.NAME).where(USERS.AGE.gt(1), select(POSTS.ID).where(POSTS.USER_ID.eq(USERS.ID)).exists()), 1);
    }

    @Test
    void derivedTablesWithAliases() {
        Subquery pc = select(POSTS.USER_ID, count().as("n")).where(POSTS.TITLE.ne("draft")).groupBy(POSTS.USER_ID).subquery("pc");
        Column<Long> n = pc.column("n", Long.class);
        assertSql("SELECT users.name, pc.n FROM users JOIN (SELECT posts.user_id, count(*) AS n FROM posts WHERE posts.title <> ? "
                        + "GROUP BY posts.user_id) AS pc ON pc.user_id = users.id WHERE pc.n > ?",
                select(USERS.NAME, n).from(USERS).join(pc, pc.get(POSTS.USER_ID).eq(USERS.ID)).where(n.gt(2L)), "draft", 2L);
    }

    @Test
    void aDerivedTableFoundOnlyThroughItsColumnsBindsItsParameters() {
        Subquery adults = select(USERS.ID, USERS.NAME).where(USERS.AGE.ge(18)).subquery("adults");
        assertSql("SELECT adults.name FROM (SELECT users.id, users.name FROM users WHERE users.age >= ?) AS adults WHERE adults.id < ?",
                select(adults.get(USERS.NAME)).where(adults.get(USERS.ID).lt(10L)), 18, 10L);
    }

    @Test
    void aDerivedTableIsNeverCorrelatedWithTheOuterFrom() {
        // a derived table in FROM cannot see the outer query's tables: users must stay in its own FROM
        Subquery active = select(POSTS.USER_ID.as("uid")).where(POSTS.USER_ID.eq(USERS.ID), USERS.AGE.gt(3)).subquery("active");
        assertSql("SELECT users.name FROM users JOIN (SELECT posts.user_id AS uid FROM posts, users WHERE posts.user_id = users.id "
                        + "AND users.age > ?) AS active ON active.uid = users.id",
                select(USERS.NAME).from(USERS).join(active, active.column("uid", Long.class).eq(USERS.ID)), 3);
    }
}
