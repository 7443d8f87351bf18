package org.athanor.sqlite;

import static org.athanor.core.fixtures.Posts.POSTS;
import static org.athanor.core.fixtures.Users.USERS;
import static org.athanor.core.sql.Sql.*;
import static org.junit.jupiter.api.Assertions.*;

import io.vavr.Tuple2;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.athanor.core.compile.CompiledStatement;
import org.athanor.core.dialect.GenericDialect;
import org.athanor.core.engine.Connection;
import org.athanor.core.engine.Engine;
import org.athanor.core.error.IntegrityError;
import org.athanor.core.schema.Column;
import org.athanor.core.schema.MetaData;
import org.athanor.core.sql.Row;
import org.athanor.core.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** INSERT ... SELECT, UPDATE ... FROM, DELETE ... USING (emulated), RETURNING, and the portable upsert on SQLite. */
class SqliteDmlTest {
    Engine engine;
    Connection c;

    static String sql(Statement s) { return SqliteDialect.INSTANCE.compile(s).sql(); }

    @BeforeEach
    void setUp() {
        engine = Engine.create("sqlite://");
        MetaData.of(USERS, POSTS).createAll(engine);
        c = engine.connect();
        c.execute(insert(USERS).columns(USERS.NAME, USERS.AGE, USERS.EMAIL)
                .values("Ann", 12, "ann@x").values("Bob", 30, "bob@x").values("Cy", 70, "cy@x"));
        c.execute(insert(POSTS).columns(POSTS.USER_ID, POSTS.TITLE).values(2L, "b1").values(2L, "b2").values(3L, "c1"));
    }

    @AfterEach
    void tearDown() {
        c.close();
        engine.close();
    }

    @Test
    void insertFromSelect() {
        var ins = insert(POSTS).fromSelect(List.of(POSTS.USER_ID, POSTS.TITLE),
                select(USERS.ID, USERS.NAME.concat(" hello")).where(USERS.AGE.lt(20)));
        assertEquals("INSERT INTO posts (user_id, title) SELECT users.id, users.name || ? FROM users WHERE users.age < ?", sql(ins));
        assertEquals(1, c.execute(ins));
        // a select over the target table itself keeps its FROM
        var copy = insert(USERS).fromSelect(List.of(USERS.NAME, USERS.AGE), select(USERS.NAME.concat("2"), USERS.AGE).where(USERS.AGE.gt(60)));
        assertEquals("INSERT INTO users (name, age) SELECT users.name || ?, users.age FROM users WHERE users.age > ?", sql(copy));
        assertEquals(1, c.execute(copy));
        assertEquals(4L, (Long) c.execute(select(count()).from(USERS)).scalar());
    }

    @Test
    void updateFromAndItsCorrelatedForm() {
        var counts = select(POSTS.USER_ID, count().as("n")).groupBy(POSTS.USER_ID).subquery("counts");
        var u = update(USERS).set(USERS.AGE, counts.column("n", Long.class).cast(org.athanor.core.type.SqlTypes.INTEGER))
                .from(counts).where(counts.get(POSTS.USER_ID).eq(USERS.ID));
        assertEquals("UPDATE users SET age = CAST(counts.n AS INTEGER) FROM (SELECT posts.user_id, count(*) AS n FROM posts "
                + "GROUP BY posts.user_id) AS counts WHERE counts.user_id = users.id", sql(u));
        assertEquals(2, c.execute(u));
        assertEquals(List.of(12, 2, 1), c.execute(select(USERS.AGE).orderBy(USERS.ID)).all().stream().map(t -> t._1).toList());
        // the same change as a correlated subquery, for databases without UPDATE ... FROM
        var n = select(count()).from(POSTS).where(POSTS.USER_ID.eq(USERS.ID)).<Long>scalarSubquery();
        var u2 = update(USERS).set(USERS.AGE, n.cast(org.athanor.core.type.SqlTypes.INTEGER).plus(100))
                .where(USERS.ID.in(select(POSTS.USER_ID)));
        assertEquals("UPDATE users SET age = CAST((SELECT count(*) FROM posts WHERE posts.user_id = users.id) AS INTEGER) + ? "
                + "WHERE users.id IN (SELECT posts.user_id FROM posts)", sql(u2));
        assertEquals(2, c.execute(u2));
        assertEquals(List.of(12, 102, 101), c.execute(select(USERS.AGE).orderBy(USERS.ID)).all().stream().map(t -> t._1).toList());
    }

    @Test
    void deleteUsingIsEmulatedWithExistsOnSqlite() {
        var d = deleteFrom(POSTS).using(USERS).where(USERS.ID.eq(POSTS.USER_ID), USERS.AGE.gt(50));
        assertEquals("DELETE FROM posts USING users WHERE users.id = posts.user_id AND users.age > ?",
                GenericDialect.INSTANCE.compile(d).sql());
        assertEquals("DELETE FROM posts WHERE EXISTS (SELECT 1 FROM users WHERE users.id = posts.user_id AND users.age > ?)", sql(d));
        assertEquals(1, c.execute(d));
        assertEquals(List.of("b1", "b2"), c.execute(select(POSTS.TITLE).orderBy(POSTS.TITLE)).all().stream().map(t -> t._1).toList());
    }

    @Test
    void returningOnUpdateAndDelete() {
        var u = update(USERS).set(USERS.AGE, USERS.AGE.plus(1)).where(USERS.AGE.lt(50)).returning(USERS.NAME, USERS.AGE);
        assertEquals("UPDATE users SET age = users.age + ? WHERE users.age < ? RETURNING name, age", sql(u));
        List<Row> rows = c.execute(u).all();
        assertEquals(List.of(List.of("Ann", 13), List.of("Bob", 31)),
                rows.stream().map(Row::toList).sorted((a, b) -> a.get(0).toString().compareTo(b.get(0).toString())).toList());
        var d = deleteFrom(POSTS).where(POSTS.TITLE.startsWith("b")).returning(POSTS.ID, POSTS.TITLE);
        assertEquals("DELETE FROM posts WHERE posts.title LIKE ? ESCAPE '/' RETURNING id, title", sql(d));
        assertEquals(2, c.execute(d).all().size());
    }

    @Test
    void upsertDoUpdateFromExcluded() {
        var up = insert(USERS).set(USERS.EMAIL, "bob@x").set(USERS.NAME, "Robert").set(USERS.AGE, 31)
                .onConflict(USERS.EMAIL).doUpdate(USERS.NAME, USERS.AGE);
        CompiledStatement cs = SqliteDialect.INSTANCE.compile(up);
        assertEquals("INSERT INTO users (email, name, age) VALUES (?, ?, ?) ON CONFLICT (email) "
                + "DO UPDATE SET name = excluded.name, age = excluded.age", cs.sql());
        assertEquals(1, c.execute(up));
        assertEquals(new Tuple2<>("Robert", 31), c.execute(select(USERS.NAME, USERS.AGE).where(USERS.EMAIL.eq("bob@x"))).one());
        assertEquals(3L, (Long) c.execute(select(count()).from(USERS)).scalar());
        // no conflict: a plain insert
        c.execute(insert(USERS).set(USERS.EMAIL, "di@x").set(USERS.NAME, "Di").set(USERS.AGE, 5)
                .onConflict(USERS.EMAIL).doUpdate(USERS.NAME, USERS.AGE));
        assertEquals(4L, (Long) c.execute(select(count()).from(USERS)).scalar());
    }

    @Test
    void upsertWithExpressionsMultiRowAndReturning() {
        Map<Column<?>, Object> set = new LinkedHashMap<>();
        set.put(USERS.AGE, USERS.AGE.plus(inserted(USERS.AGE)));
        set.put(USERS.NAME, "merged");
        var up = insert(USERS).columns(USERS.EMAIL, USERS.NAME, USERS.AGE).values("ann@x", "A", 1).values("new@x", "N", 2)
                .onConflict(USERS.EMAIL).doUpdate(set);
        assertEquals("INSERT INTO users (email, name, age) VALUES (?, ?, ?), (?, ?, ?) ON CONFLICT (email) "
                + "DO UPDATE SET age = users.age + excluded.age, name = ?", sql(up));
        List<Row> ret = c.execute(up.returning(USERS.NAME, USERS.AGE)).all();
        assertEquals(List.of(List.of("merged", 13), List.of("N", 2)), ret.stream().map(Row::toList).toList());
    }

    @Test
    void upsertDoNothing() {
        var ins = insert(USERS).set(USERS.EMAIL, "ann@x").set(USERS.NAME, "Other").onConflict(USERS.EMAIL).doNothing();
        assertEquals("INSERT INTO users (email, name) VALUES (?, ?) ON CONFLICT (email) DO NOTHING", sql(ins));
        assertEquals(0, c.execute(ins));
        assertEquals("Ann", c.execute(select(USERS.NAME).where(USERS.EMAIL.eq("ann@x"))).one()._1);
        assertEquals("INSERT INTO users (email, name) VALUES (?, ?) ON CONFLICT DO NOTHING",
                sql(insert(USERS).set(USERS.EMAIL, "ann@x").set(USERS.NAME, "Other").onConflict().doNothing()));
        // a conflict on another unique key than the one named is still an error
        var wrongKey = insert(USERS).set(USERS.ID, 1L).set(USERS.NAME, "X").set(USERS.EMAIL, "zz@x").onConflict(USERS.EMAIL).doNothing();
        assertThrows(IntegrityError.class, () -> c.execute(wrongKey));
    }

    @Test
    void upsertFromASelectGetsTheWhereSqliteNeeds() {
        var src = select(USERS.EMAIL, USERS.NAME.concat("!"), USERS.AGE);
        var up = insert(USERS).fromSelect(List.of(USERS.EMAIL, USERS.NAME, USERS.AGE), src).onConflict(USERS.EMAIL).doUpdate(USERS.NAME);
        assertEquals("INSERT INTO users (email, name, age) SELECT users.email, users.name || ?, users.age FROM users WHERE 1 "
                + "ON CONFLICT (email) DO UPDATE SET name = excluded.name", sql(up));
        assertEquals(3, c.execute(up));
        assertEquals(List.of("Ann!", "Bob!", "Cy!"), c.execute(select(USERS.NAME).orderBy(USERS.NAME)).all().stream().map(t -> t._1).toList());
    }

    @Test
    void upsertMisuse() {
        assertThrows(IllegalArgumentException.class, () -> insert(USERS).set(USERS.NAME, "x").onConflict(POSTS.ID));
        assertThrows(IllegalArgumentException.class, () -> insert(USERS).set(USERS.NAME, "x").onConflict().doUpdate(USERS.NAME));
        assertThrows(IllegalArgumentException.class, () -> insert(USERS).set(USERS.NAME, "x").onConflict(USERS.EMAIL).doUpdate());
        assertThrows(IllegalArgumentException.class, () -> insert(USERS).set(USERS.NAME, "x").onConflict(USERS.EMAIL).doUpdate(POSTS.TITLE));
    }
}
