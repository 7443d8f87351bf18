package org.athanor.sqlite;

import static org.athanor.core.fixtures.Posts.POSTS;
import static org.athanor.core.fixtures.Users.USERS;
import static org.athanor.core.sql.Sql.*;
import static org.junit.jupiter.api.Assertions.*;

import io.vavr.Tuple1;
import io.vavr.Tuple2;
import java.util.Arrays;
import java.util.List;
import org.athanor.core.dialect.GenericDialect;
import org.athanor.core.engine.Connection;
import org.athanor.core.engine.Engine;
import org.athanor.core.error.CompileError;
import org.athanor.core.fixtures.Posts;
import org.athanor.core.fixtures.Users;
import org.athanor.core.schema.MetaData;
import org.athanor.core.sql.Lateral;
import org.athanor.core.sql.Statement;
import org.athanor.core.sql.Subquery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** RIGHT/FULL joins, self-joins, derived tables, LATERAL, correlated subqueries and ANY/ALL on SQLite. */
class SqliteJoinsTest {
    Engine engine;
    Connection c;

    static String sql(Statement s) { return SqliteDialect.INSTANCE.compile(s).sql(); }

    @BeforeEach
    void setUp() {
        engine = Engine.create("sqlite://");
        MetaData.of(USERS, POSTS).createAll(engine);
        c = engine.connect();
        c.execute(insert(USERS).columns(USERS.NAME, USERS.AGE).values("Ann", 12).values("Bob", 30).values("Cy", 70).values("Di", null));
        c.execute(insert(POSTS).columns(POSTS.USER_ID, POSTS.TITLE).values(2L, "b1").values(2L, "b2").values(3L, "c1"));
    }

    @AfterEach
    void tearDown() {
        c.close();
        engine.close();
    }

    @Test
    void rightAndFullJoins() {
        var right = select(POSTS.TITLE, USERS.NAME).from(POSTS).rightJoin(USERS).orderBy(USERS.NAME, POSTS.TITLE);
        assertEquals("SELECT posts.title, users.name FROM posts RIGHT OUTER JOIN users ON posts.user_id = users.id "
                + "ORDER BY users.name, posts.title", sql(right));
        assertEquals(List.of(new Tuple2<>(null, "Ann"), new Tuple2<>("b1", "Bob"), new Tuple2<>("b2", "Bob"),
                new Tuple2<>("c1", "Cy"), new Tuple2<>(null, "Di")), c.execute(right).all());
        var full = select(USERS.NAME, POSTS.TITLE).from(USERS).fullJoin(POSTS, POSTS.USER_ID.eq(USERS.ID).and(USERS.AGE.gt(50)))
                .orderBy(USERS.NAME.asc().nullsFirst(), POSTS.TITLE);
        assertTrue(sql(full).contains(" FULL OUTER JOIN posts ON posts.user_id = users.id AND users.age > ? "), sql(full));
        // Bob's posts do not match (age 30): they appear alone, and Bob without posts
        assertEquals(Arrays.asList(new Tuple2<>(null, "b1"), new Tuple2<>(null, "b2"), new Tuple2<>("Ann", null),
                new Tuple2<>("Bob", null), new Tuple2<>("Cy", "c1"), new Tuple2<>("Di", null)), c.execute(full).all());
        SqliteDialect old = new SqliteDialect(SqliteDialect.FEATURES.toBuilder().fullJoin(false).rightJoin(false).build());
        assertEquals("FULL OUTER JOIN is not supported by SQLite", assertThrows(CompileError.class, () -> old.compile(full)).getMessage());
        assertEquals("RIGHT OUTER JOIN is not supported by SQLite", assertThrows(CompileError.class, () -> old.compile(right)).getMessage());
    }

    @Test
    void selfJoinThroughAliases() {
        Users a = USERS.as("a"), b = USERS.as("b");
        var q = select(a.NAME, b.NAME).from(a).join(b, a.AGE.lt(b.AGE)).where(b.AGE.le(30)).orderBy(a.NAME);
        assertEquals("SELECT a.name, b.name FROM users AS a JOIN users AS b ON a.age < b.age WHERE b.age <= ? ORDER BY a.name", sql(q));
        assertEquals(List.of(new Tuple2<>("Ann", "Bob")), c.execute(q).all());
        // the aliases keep the foreign key: join inferred between two aliases of related tables
        Posts p = POSTS.as("p");
        assertEquals("SELECT a.name, p.title FROM users AS a JOIN posts AS p ON p.user_id = a.id",
                sql(select(a.NAME, p.TITLE).from(a).join(p)));
    }

    @Test
    void joinToDerivedTable() {
        Subquery counts = select(POSTS.USER_ID, count().as("n")).groupBy(POSTS.USER_ID).subquery("counts");
        var q = select(USERS.NAME, counts.column("n", Long.class)).from(USERS)
                .join(counts, counts.get(POSTS.USER_ID).eq(USERS.ID)).orderBy(USERS.NAME);
        assertEquals("SELECT users.name, counts.n FROM users JOIN (SELECT posts.user_id, count(*) AS n FROM posts "
                + "GROUP BY posts.user_id) AS counts ON counts.user_id = users.id ORDER BY users.name", sql(q));
        assertEquals(List.of(new Tuple2<>("Bob", 2L), new Tuple2<>("Cy", 1L)), c.execute(q).all());
    }

    @Test
    void lateralIsRefusedOnSqliteAndRenderedWhereSupported() {
        Lateral latest = select(POSTS.TITLE).where(POSTS.USER_ID.eq(USERS.ID)).orderBy(POSTS.ID.desc()).limit(1).lateral("latest");
        var q = select(USERS.NAME, latest.get(POSTS.TITLE)).from(USERS).join(latest, literal(true));
        CompileError e = assertThrows(CompileError.class, () -> sql(q));
        assertEquals("LATERAL is not supported by SQLite", e.getMessage());
        assertEquals("SELECT users.name, latest.title FROM users JOIN LATERAL (SELECT posts.title FROM posts "
                + "WHERE posts.user_id = users.id ORDER BY posts.id DESC LIMIT ?) AS latest ON TRUE",
                GenericDialect.INSTANCE.compile(q).sql());
    }

    @Test
    void correlatedSubqueriesInSelectAndWhere() {
        var postCount = select(count()).from(POSTS).where(POSTS.USER_ID.eq(USERS.ID)).<Long>scalarSubquery();
        var q = select(USERS.NAME, postCount.as("n")).where(exists(select(POSTS.ID).where(POSTS.USER_ID.eq(USERS.ID))))
                .orderBy(USERS.NAME);
        assertEquals("SELECT users.name, (SELECT count(*) FROM posts WHERE posts.user_id = users.id) AS n FROM users "
                + "WHERE EXISTS (SELECT posts.id FROM posts WHERE posts.user_id = users.id) ORDER BY users.name", sql(q));
        assertEquals(List.of(new Tuple2<>("Bob", 2L), new Tuple2<>("Cy", 1L)), c.execute(q).all());
        // a subquery over the same table through an alias stays correlated to the outer one
        Users older = USERS.as("older");
        var q2 = select(USERS.NAME).where(notExists(select(older.ID).where(older.AGE.gt(USERS.AGE)))).where(USERS.AGE.isNotNull());
        assertEquals("SELECT users.name FROM users WHERE NOT EXISTS (SELECT older.id FROM users AS older WHERE older.age > users.age) "
                + "AND users.age IS NOT NULL", sql(q2));
        assertEquals(List.of(new Tuple1<>("Cy")), c.execute(q2).all());
    }

    @Test
    void correlatedSubqueryInUpdateSetAndWhere() {
        var count = select(count()).from(POSTS).where(POSTS.USER_ID.eq(USERS.ID)).<Long>scalarSubquery();
        var u = update(USERS).set(USERS.AGE, count.cast(org.athanor.core.type.SqlTypes.INTEGER))
                .where(exists(select(POSTS.ID).where(POSTS.USER_ID.eq(USERS.ID))));
        assertEquals("UPDATE users SET age = CAST((SELECT count(*) FROM posts WHERE posts.user_id = users.id) AS INTEGER) "
                + "WHERE EXISTS (SELECT posts.id FROM posts WHERE posts.user_id = users.id)", sql(u));
        assertEquals(2, c.execute(u));
        assertEquals(List.of(new Tuple2<>("Ann", 12), new Tuple2<>("Bob", 2), new Tuple2<>("Cy", 1), new Tuple2<>("Di", null)),
                c.execute(select(USERS.NAME, USERS.AGE).orderBy(USERS.NAME)).all());
        var d = deleteFrom(POSTS).where(POSTS.USER_ID.eq(select(USERS.ID).where(USERS.NAME.eq("Cy")).scalarSubquery()));
        assertEquals("DELETE FROM posts WHERE posts.user_id = (SELECT users.id FROM users WHERE users.name = ?)", sql(d));
        assertEquals(1, c.execute(d));
    }

    @Test
    void anyAllEmulatedWithExistsOnSqlite() {
        var ages = select(USERS.AGE).where(USERS.NAME.in("Ann", "Bob"));
        Users u = USERS.as("u");
        var gtAny = select(u.NAME).from(u).where(u.AGE.gt(any(ages))).orderBy(u.NAME);
        assertEquals("SELECT u.name FROM users AS u WHERE CASE WHEN EXISTS (SELECT 1 FROM users WHERE users.name IN (?, ?) "
                + "AND u.age > users.age) THEN 1 WHEN EXISTS (SELECT 1 FROM users WHERE users.name IN (?, ?) "
                + "AND (u.age > users.age) IS NULL) THEN NULL ELSE 0 END ORDER BY u.name", sql(gtAny));
        // a computed or grouped subquery is compared as a derived table
        var maxPerName = select(max(USERS.AGE)).groupBy(USERS.NAME);
        assertEquals("SELECT u.name FROM users AS u WHERE CASE WHEN EXISTS (SELECT 1 FROM (SELECT max(users.age) AS quantified_value "
                + "FROM users GROUP BY users.name) AS quantified WHERE NOT (u.age >= quantified.quantified_value)) THEN 0 "
                + "WHEN EXISTS (SELECT 1 FROM (SELECT max(users.age) AS quantified_value FROM users GROUP BY users.name) AS quantified "
                + "WHERE (u.age >= quantified.quantified_value) IS NULL) THEN NULL ELSE 1 END",
                sql(select(u.NAME).from(u).where(u.AGE.ge(all(maxPerName)))));
        assertEquals(List.of(), c.execute(select(u.NAME).from(u).where(u.AGE.ge(all(maxPerName)))).all()); // Di's NULL max
        assertEquals(List.of(new Tuple1<>("Cy")), c.execute(select(u.NAME).from(u)
                .where(u.AGE.ge(all(maxPerName.having(max(USERS.AGE).isNotNull()))))).all());
        // correlated: older than ANY user with a smaller id
        Users v = USERS.as("v");
        var corr = select(u.NAME).from(u).where(u.AGE.gt(any(select(v.AGE).from(v).where(v.ID.lt(u.ID))))).orderBy(u.NAME);
        assertEquals(List.of(new Tuple1<>("Bob"), new Tuple1<>("Cy")), c.execute(corr).all());
        assertEquals("SELECT u.name FROM users AS u WHERE u.age > ANY (SELECT users.age FROM users WHERE users.name IN (?, ?)) "
                + "ORDER BY u.name", GenericDialect.INSTANCE.compile(gtAny).sql());
        assertEquals(List.of(new Tuple1<>("Bob"), new Tuple1<>("Cy")), c.execute(gtAny).all());
        assertEquals(List.of(new Tuple1<>("Cy")), c.execute(select(u.NAME).from(u).where(u.AGE.gt(all(ages)))).all());
        assertEquals(List.of(new Tuple1<>("Ann")), c.execute(select(u.NAME).from(u).where(u.AGE.le(all(ages)))).all());
    }

    @Test
    void anyAllKeepThreeValuedLogic() {
        // truth values checked through CASE so that NULL is visible: T, F or N
        var withNull = select(USERS.AGE).where(USERS.NAME.in("Ann", "Di"));     // {12, NULL}
        var empty = select(USERS.AGE).where(USERS.NAME.eq("nobody"));          // {}
        assertEquals("N", truth(param(5).gt(any(withNull))));   // 5 > 12 false, 5 > NULL unknown
        assertEquals("T", truth(param(20).gt(any(withNull))));  // 20 > 12 true
        assertEquals("N", truth(param(20).gt(all(withNull))));  // ALL: 20 > NULL unknown and none false
        assertEquals("F", truth(param(5).gt(all(withNull))));   // 5 > 12 false decides ALL
        assertEquals("F", truth(param(5).gt(any(empty))));
        assertEquals("T", truth(param(5).gt(all(empty))));
        assertEquals("F", truth(param(5).gt(all(withNull)).or(param(1).eq(0))));
    }

    private String truth(org.athanor.core.sql.Condition cond) {
        return c.execute(select(caseWhen(cond, "T").when(not(cond), "F").otherwise("N"))).one()._1;
    }
}
