package org.athanor.sqlite;

import static org.athanor.core.fixtures.Posts.POSTS;
import static org.athanor.core.fixtures.Users.USERS;
import static org.athanor.core.schema.Table.col;
import static org.athanor.core.sql.Sql.*;
import static org.athanor.sqlite.Tags.TAGS;
import static org.junit.jupiter.api.Assertions.*;

import io.vavr.Tuple;
import io.vavr.Tuple1;
import io.vavr.Tuple2;
import io.vavr.Tuple8;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.athanor.core.engine.Connection;
import org.athanor.core.engine.Engine;
import org.athanor.core.engine.Result;
import org.athanor.core.error.MultipleResultsException;
import org.athanor.core.error.NoResultException;
import org.athanor.core.schema.Column;
import org.athanor.core.schema.MetaData;
import org.athanor.core.schema.Table;
import org.athanor.core.sql.Row;
import org.athanor.core.testing.TestDatabases;
import org.athanor.core.type.SqlTypes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every DML path and every way of reading a Result, on an in-memory SQLite database. */
class SqliteResultTest {
    Engine engine;
    Connection c;

    @BeforeEach
    void setUp() {
        engine = Engine.create("sqlite://");
        MetaData.of(USERS, POSTS, TAGS).createAll(engine);
        c = engine.connect();
        c.execute(insert(USERS).columns(USERS.NAME, USERS.AGE, USERS.EMAIL)
                .values("Alice", 30, "a@x").values("Bob", 25, null).values("Carol", 41, "c@x").values("Dan", null, null));
    }

    @AfterEach
    void tearDown() {
        c.close();
        engine.close();
    }

    private List<String> names(org.athanor.core.sql.Select<Tuple1<String>> q) {
        return c.execute(q).all().stream().map(t -> t._1).toList();
    }

    @Test
    void rowsOfTypedSelectsAreVavrTuples() {
        List<Tuple2<String, Integer>> rows = c.execute(select(USERS.NAME, USERS.AGE).orderBy(USERS.ID)).all();
        assertEquals(List.of(Tuple.of("Alice", 30), Tuple.of("Bob", 25), Tuple.of("Carol", 41), Tuple.of("Dan", null)), rows);
        Tuple8<Long, String, Integer, String, Long, String, Integer, String> eight = c.execute(
                select(USERS.ID, USERS.NAME, USERS.AGE, USERS.EMAIL, USERS.ID, USERS.NAME, USERS.AGE, USERS.EMAIL).where(USERS.ID.eq(1L))).one();
        assertEquals(Tuple.of(1L, "Alice", 30, "a@x", 1L, "Alice", 30, "a@x"), eight);
    }

    @Test
    void widerSelectsGiveRowsReadByColumnIndexAndLabel() {
        Row r = c.execute(selectFrom(USERS).where(USERS.NAME.eq("Carol"))).one();
        assertEquals("Carol", r.get(USERS.NAME));
        assertEquals(41, r.get(USERS.AGE));
        assertEquals(3L, r.get(0));
        assertEquals("c@x", r.get("email"));
        assertEquals(List.of("id", "name", "age", "email"), r.names());
        // another table's column of the same name is not in this result: an error, never users.id
        IllegalArgumentException other = assertThrows(IllegalArgumentException.class, () -> r.get(POSTS.ID));
        assertEquals("expression posts.id is not in this result; its columns are [id, name, age, email]", other.getMessage());
        assertThrows(IllegalArgumentException.class, () -> r.get(USERS.as("u").ID));
        // a derived table built twice (one cached SQL form) still reads by its columns
        for (int i = 0; i < 2; i++) {
            var s = select(USERS.ID, USERS.NAME).where(USERS.AGE.gt(26)).subquery("s");
            Row dr = c.execute(select(s.get(USERS.ID), s.get(USERS.NAME), s.get(USERS.ID), s.get(USERS.NAME), s.get(USERS.ID), s.get(USERS.NAME),
                    s.get(USERS.ID), s.get(USERS.NAME), s.get(USERS.ID)).orderBy(s.get(USERS.ID))).first();
            assertEquals("Alice", dr.get(s.get(USERS.NAME)));
        }
        Row labelled = c.execute(select(USERS.NAME.as("who"), count().as("n"), USERS.AGE, max(USERS.AGE), USERS.EMAIL,
                USERS.ID, USERS.NAME, USERS.AGE, USERS.EMAIL).where(USERS.ID.eq(2L))).one();
        assertEquals("Bob", labelled.get("who"));
        assertEquals(1L, labelled.get("n"));
        assertEquals(25, labelled.get(3));
        assertEquals(25, labelled.get("max"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> labelled.get("nope"));
        assertTrue(e.getMessage().contains("no column named 'nope'") && e.getMessage().contains("who"), e.getMessage());
    }

    @Test
    void allFirstOneOneOrNullScalar() {
        assertEquals(List.of("Alice", "Bob", "Carol", "Dan"), names(select(USERS.NAME).orderBy(USERS.NAME)));
        assertEquals("Dan", c.execute(select(USERS.NAME).orderBy(USERS.NAME.desc())).first()._1);
        assertNull(c.execute(select(USERS.NAME).where(USERS.AGE.gt(100))).first());
        assertEquals("Bob", c.execute(select(USERS.NAME).where(USERS.AGE.eq(25))).one()._1);
        assertNull(c.execute(select(USERS.NAME).where(USERS.AGE.gt(100))).oneOrNull());
        assertEquals("Bob", c.execute(select(USERS.NAME).where(USERS.AGE.eq(25))).oneOrNull()._1);
        assertEquals(4L, (Long) c.execute(select(count()).from(USERS)).scalar());
        assertEquals(96, (Integer) c.execute(select(sum(USERS.AGE))).scalar());
        assertNull(c.execute(select(USERS.AGE).where(USERS.NAME.eq("Dan"))).scalar());
        assertNull(c.execute(select(USERS.AGE).where(USERS.NAME.eq("nobody"))).scalar());
        assertEquals(new java.math.BigDecimal("32.0"), c.execute(select(avg(USERS.AGE))).scalar()); // avg is NUMERIC; SQLite computes a REAL
    }

    @Test
    void oneAndOneOrNullRaiseTheirExceptionsWithTheSql() {
        NoResultException none = assertThrows(NoResultException.class, () -> c.execute(select(USERS.NAME).where(USERS.AGE.gt(100))).one());
        assertTrue(none.getMessage().contains("SELECT users.name FROM users WHERE users.age > ?"), none.getMessage());
        MultipleResultsException many = assertThrows(MultipleResultsException.class, () -> c.execute(select(USERS.NAME)).one());
        assertTrue(many.getMessage().contains("SELECT users.name FROM users"), many.getMessage());
        assertThrows(MultipleResultsException.class, () -> c.execute(select(USERS.NAME)).oneOrNull());
    }

    @Test
    void streamsIteratorsAndPartitionsReadLazily() {
        try (Stream<Tuple1<String>> s = c.execute(select(USERS.NAME).orderBy(USERS.ID)).stream()) {
            assertEquals("Alice,Bob,Carol,Dan", s.map(t -> t._1).collect(Collectors.joining(",")));
        }
        try (Result<Tuple1<String>> r = c.execute(select(USERS.NAME).orderBy(USERS.ID))) {
            StringBuilder b = new StringBuilder();
            for (Tuple1<String> t : r) b.append(t._1.charAt(0));
            assertEquals("ABCD", b.toString());
            assertEquals(List.of("name"), r.columns());
        }
        try (Stream<List<Tuple1<Long>>> parts = c.execute(select(USERS.ID).orderBy(USERS.ID)).partitions(3)) {
            assertEquals(List.of(List.of(1L, 2L, 3L), List.of(4L)),
                    parts.map(p -> p.stream().map(t -> t._1).toList()).toList());
        }
        assertThrows(IllegalArgumentException.class, () -> c.execute(select(USERS.ID)).partitions(0));
        // a result closed early leaves the connection usable
        try (Result<Tuple1<Long>> r = c.execute(select(USERS.ID))) {
            assertTrue(r.iterator().hasNext());
        }
        assertEquals(4L, (Long) c.execute(select(count()).from(USERS)).scalar());
    }

    @Test
    void whereOperatorsReturnTheRightRows() {
        assertEquals(List.of("Alice", "Carol"), names(select(USERS.NAME).where(USERS.AGE.between(26, 45)).orderBy(USERS.NAME)));
        assertEquals(List.of("Dan"), names(select(USERS.NAME).where(USERS.AGE.isNull())));
        assertEquals(List.of("Dan"), names(select(USERS.NAME).where(USERS.AGE.eq((Integer) null))));
        assertEquals(List.of(), names(select(USERS.NAME).where(USERS.AGE.in(List.of()))));
        assertEquals(4, names(select(USERS.NAME).where(USERS.AGE.notIn(List.of()))).size());
        assertEquals(List.of("Alice", "Carol"), names(select(USERS.NAME).where(USERS.ID.in(1L, 3L, 3L)).orderBy(USERS.ID)));
        assertEquals(List.of("Alice"), names(select(USERS.NAME).where(USERS.ID.in(select(POSTS.USER_ID).where(POSTS.TITLE.ne("x"))).not()
                .not().or(USERS.NAME.startsWith("Al")))));
        assertEquals(List.of("Bob", "Dan"), names(select(USERS.NAME).where(USERS.EMAIL.isNull()).orderBy(USERS.NAME)));
        assertEquals(List.of("Bob", "Dan"), names(select(USERS.NAME).orderBy(USERS.AGE.desc().nullsLast(), USERS.NAME).offset(2)));
        assertEquals(List.of("Dan", "Bob"), names(select(USERS.NAME).orderBy(USERS.AGE.asc().nullsFirst()).limit(2)));
        assertEquals(List.of("Bob", "Carol"), names(select(USERS.NAME).orderBy(USERS.ID).limit(2).offset(1)));
        assertEquals(List.of("ALICE!"), names(select(upper(USERS.NAME).concat("!")).where(USERS.ID.eq(1L))));
    }

    @Test
    void likeShortcutsMatchPercentAndUnderscoreLiterally() {
        c.execute(insert(TAGS).columns(TAGS.LABEL).values("50% off").values("50 % off").values("500 off").values("a_b").values("axb")
                .values("1/2").values("12"));
        java.util.function.Function<org.athanor.core.sql.Condition, List<String>> labels =
                cond -> c.execute(select(TAGS.LABEL).where(cond).orderBy(TAGS.LABEL)).all().stream().map(t -> t._1).toList();
        assertEquals(List.of("50% off"), labels.apply(TAGS.LABEL.startsWith("50%")));
        assertEquals(List.of("50 % off", "50% off", "500 off"), labels.apply(TAGS.LABEL.like("50%")));
        assertEquals(List.of("a_b"), labels.apply(TAGS.LABEL.endsWith("_b")));
        assertEquals(List.of("a_b"), labels.apply(TAGS.LABEL.contains("_")));
        assertEquals(List.of("1/2"), labels.apply(TAGS.LABEL.contains("/")));
        assertEquals(List.of("a_b"), labels.apply(TAGS.LABEL.like("a!_b", '!')));
        assertEquals(List.of("50 % off", "50% off", "500 off", "a_b", "axb"), labels.apply(TAGS.LABEL.notLike("1%")));
    }

    @Test
    void joinsAndSubqueriesExecute() {
        c.execute(insert(POSTS).columns(POSTS.USER_ID, POSTS.TITLE).values(1L, "a1").values(1L, "a2").values(3L, "c1"));
        List<Tuple2<String, Long>> counts = c.execute(select(USERS.NAME, count(POSTS.ID)).leftJoin(POSTS)
                .groupBy(USERS.NAME).having(count(POSTS.ID).lt(2L)).orderBy(USERS.NAME)).all();
        assertEquals(List.of(Tuple.of("Bob", 0L), Tuple.of("Carol", 1L), Tuple.of("Dan", 0L)), counts);
        assertEquals(List.of("Alice", "Carol"), names(select(USERS.NAME).where(exists(select(POSTS.ID).where(POSTS.USER_ID.eq(USERS.ID))))
                .orderBy(USERS.NAME)));
        var n = select(count()).from(POSTS).where(POSTS.USER_ID.eq(USERS.ID)).<Long>scalarSubquery().as("n");
        assertEquals(List.of(Tuple.of("Alice", 2L), Tuple.of("Bob", 0L)), c.execute(select(USERS.NAME, n).orderBy(USERS.ID).limit(2)).all());
        var per = select(POSTS.USER_ID, count().as("n")).groupBy(POSTS.USER_ID).subquery("per");
        Column<Long> pn = per.column("n", Long.class);
        assertEquals(List.of(Tuple.of("Alice", 2L), Tuple.of("Carol", 1L)),
                c.execute(select(USERS.NAME, pn).from(USERS).join(per, per.get(POSTS.USER_ID).eq(USERS.ID)).orderBy(USERS.NAME)).all());
        var u2 = USERS.as("u2");
        assertEquals(List.of(Tuple.of("Bob", "Alice")), c.execute(select(USERS.NAME, u2.NAME).from(USERS)
                .join(u2, u2.AGE.gt(USERS.AGE)).where(USERS.AGE.lt(26), u2.AGE.lt(35))).all());
        // correlated DELETE: removes only users without posts
        assertEquals(2, c.execute(deleteFrom(USERS).where(notExists(select(POSTS.ID).where(POSTS.USER_ID.eq(USERS.ID))))));
        assertEquals(List.of("Alice", "Carol"), names(select(USERS.NAME).orderBy(USERS.NAME)));
    }

    @Test
    void insertUpdateDeleteWithRowCountsAndReturning() {
        assertEquals(1, c.execute(insert(USERS).set(USERS.NAME, "Eve")));
        Row inserted = c.execute(insert(USERS).set(USERS.NAME, "Fay").set(USERS.AGE, 9).returning(USERS.ID, USERS.NAME)).one();
        assertEquals(6L, inserted.get(USERS.ID));
        assertEquals("Fay", inserted.get("name"));
        List<Row> many = c.execute(insert(USERS).columns(USERS.NAME).values("G").values("H").returning(USERS.ID)).all();
        assertEquals(List.of(7L, 8L), many.stream().map(r -> r.get(USERS.ID)).toList());
        assertEquals(2, c.execute(update(USERS).set(USERS.AGE, USERS.AGE.plus(1)).where(USERS.AGE.lt(30))));
        assertEquals(List.of(26, 10), c.execute(select(USERS.AGE).where(USERS.NAME.in("Bob", "Fay")).orderBy(USERS.ID)).all().stream().map(t -> t._1).toList());
        Row updated = c.execute(update(USERS).set(USERS.EMAIL, "e@x").where(USERS.NAME.eq("Eve")).returning(USERS.ID, USERS.EMAIL)).one();
        assertEquals("e@x", updated.get(USERS.EMAIL));
        assertEquals(List.of(7L, 8L), c.execute(deleteFrom(USERS).where(USERS.ID.ge(7L)).returning(USERS.ID)).all().stream()
                .map(r -> r.get(0)).sorted().toList());
        assertEquals(0, c.execute(deleteFrom(USERS).where(USERS.ID.ge(7L))));
        assertEquals(0, c.execute(deleteFrom(POSTS).where(POSTS.ID.gt(0L))), "no posts: a DELETE matching nothing counts 0");
    }

    @Test
    void updateFromAnotherTable() {
        c.execute(insert(POSTS).columns(POSTS.USER_ID, POSTS.TITLE).values(2L, "b1").values(3L, "c1"));
        var u = update(USERS).set(USERS.EMAIL, POSTS.TITLE.concat("@posts")).from(POSTS).where(POSTS.USER_ID.eq(USERS.ID));
        assertEquals("UPDATE users SET email = posts.title || ? FROM posts WHERE posts.user_id = users.id", SqliteDialect.INSTANCE.compile(u).sql());
        assertEquals(2, c.execute(u));
        assertEquals(List.of("a@x", "b1@posts", "c1@posts"), c.execute(select(USERS.EMAIL).where(USERS.EMAIL.isNotNull()).orderBy(USERS.ID)).all()
                .stream().map(t -> t._1).toList());
    }

    @Test
    void defaultValuesServerDefaultsClientDefaultsAndInsertSelect() {
        Table notes = Table.of(TestDatabases.uniqueName("notes"), col("id", SqlTypes.BIGINT, Table.Options.primaryKey(), Table.Options.autoincrement()),
                col("note", SqlTypes.TEXT, Table.Options.serverDefault("'n/a'")));
        // the in-memory database is one connection: give it back while createAll borrows it
        c.commit();
        c.close();
        MetaData.of(notes).createAll(engine);
        c = engine.connect();
        assertEquals(1, c.execute(insert(notes).defaultValues()));
        assertEquals("n/a", c.execute(select(notes.column("note", String.class))).one()._1);

        c.execute(insert(TAGS).set(TAGS.LABEL, "t"));
        assertEquals(Tuple.of("t", "red"), c.execute(select(TAGS.LABEL, TAGS.COLOR)).one());

        assertEquals(2, c.execute(insert(TAGS).fromSelect(List.of(TAGS.LABEL), select(USERS.NAME).where(USERS.AGE.gt(29)))));
        assertEquals(List.of("Alice", "Carol", "t"), c.execute(select(TAGS.LABEL).orderBy(TAGS.LABEL)).all().stream().map(t -> t._1).toList());
    }

    @Test
    void textQueriesBindNamedParametersAndExposeTheDriversColumns() {
        Row r = c.execute(text("SELECT name, age FROM users WHERE age > :min ORDER BY age LIMIT 1").bind("min", 26)).one();
        assertEquals("Alice", r.get("name"));
        assertEquals(30, ((Number) r.get(1)).intValue());
        assertEquals(4, ((Number) c.execute(text("SELECT count(*) FROM users")).scalar()).intValue());
    }
}
