package org.athanor.postgres;

import static org.athanor.core.sql.Sql.*;
import static org.athanor.core.type.SqlTypes.*;
import static org.athanor.postgres.PostgresInsert.*;
import static org.junit.jupiter.api.Assertions.*;

import io.vavr.Tuple2;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.athanor.core.engine.Connection;
import org.athanor.core.engine.Engine;
import org.athanor.core.schema.Column;
import org.athanor.core.schema.MetaData;
import org.athanor.core.schema.Table;
import org.athanor.core.sql.Row;
import org.athanor.core.testing.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** RETURNING, ON CONFLICT, DISTINCT ON, UPDATE ... FROM, DELETE ... USING, sequences and ILIKE on a live server. */
class PostgresDmlTest {
    static final class People extends Table {
        final Column<Long> ID = column("id", BIGINT, primaryKey(), autoincrement());
        final Column<String> NAME = column("name", varchar(50), notNull());
        final Column<String> TEAM = column("team", varchar(20));
        final Column<Integer> SCORE = column("score", INTEGER);
        People(String name) { super(name); }
    }

    static final class Awards extends Table {
        final Column<Long> ID = column("id", BIGINT, primaryKey(), autoincrement());
        final Column<String> TEAM = column("team", varchar(20), notNull());
        final Column<Integer> BONUS = column("bonus", INTEGER, notNull());
        Awards(String name) { super(name); }
    }

    private static Engine engine;
    private static People P;
    private static Awards A;
    private static Hits H;
    private static MetaData md;

    @BeforeAll
    static void setUp() {
        engine = TestDatabases.postgres();
        P = new People(TestDatabases.uniqueName("pg_people"));
        A = new Awards(TestDatabases.uniqueName("pg_awards"));
        H = new Hits(TestDatabases.uniqueName("pg_hits"));
        md = MetaData.of(P, A, H);
        md.createAll(engine);
    }

    @AfterAll
    static void tearDown() {
        TestDatabases.dropAndClose(engine, md);
    }

    @BeforeEach
    void seed() {
        engine.inTransaction(c -> {
            c.execute(deleteFrom(P));
            c.execute(deleteFrom(A));
            c.execute(deleteFrom(H));
            c.execute(insert(P).columns(P.NAME, P.TEAM, P.SCORE)
                    .values("ann", "red", 10).values("bob", "red", 30).values("cid", "blue", 20)
                    .values("dee", "blue", 20).values("Eve", null, null));
        });
    }

    @Test
    void multiRowInsertReturningGivesEveryRow() {
        try (Connection c = engine.connect()) {
            List<Row> rows = c.execute(insert(P).columns(P.NAME, P.SCORE).values("x1", 1).values("x2", 2).values("x3", 3)
                    .returning(P.ID, P.NAME)).all();
            assertEquals(3, rows.size());
            // PostgreSQL does not promise RETURNING order: match by name, not by position
            Set<String> names = new HashSet<>();
            for (Row r : rows) {
                names.add(r.get(P.NAME));
                assertEquals(r.get(P.NAME), c.execute(select(P.NAME).where(P.ID.eq(r.get(P.ID)))).one()._1);
            }
            assertEquals(Set.of("x1", "x2", "x3"), names);
            List<Long> keys = c.insertReturningKeys(insert(P).set(P.NAME, "y"), P.ID);
            assertEquals(1, keys.size());
            assertEquals("y", c.execute(select(P.NAME).where(P.ID.eq(keys.get(0)))).one()._1);
        }
    }

    @Test
    void updateAndDeleteReturning() {
        try (Connection c = engine.connect()) {
            List<Row> updated = c.execute(update(P).set(P.SCORE, P.SCORE.plus(1)).where(P.TEAM.eq("blue")).returning(P.NAME, P.SCORE)).all();
            assertEquals(Set.of("cid=21", "dee=21"), asSet(updated, r -> r.get(P.NAME) + "=" + r.get(P.SCORE)));
            List<Row> deleted = c.execute(deleteFrom(P).where(P.TEAM.eq("red")).returning(P.NAME)).all();
            assertEquals(Set.of("ann", "bob"), asSet(deleted, r -> r.get(P.NAME)));
            assertEquals(3L, (Long) c.execute(select(count()).from(P)).scalar());
        }
    }

    @Test
    void insertDefaultValuesReturning() {
        try (Connection c = engine.connect()) {
            Row r = c.execute(insert(H).set(H.PAGE, "/d").set(H.COUNT, 0L).returning(H.PAGE, H.COUNT, H.NOTE)).one();
            assertEquals("/d", r.get(H.PAGE));
            assertNull(r.get(H.NOTE));
        }
    }

    @Test
    void upsertDoUpdateWithExcluded() {
        try (Connection c = engine.connect()) {
            for (int i = 0; i < 3; i++)
                c.execute(onConflict(insert(H).set(H.PAGE, "/").set(H.COUNT, 5L), H.PAGE)
                        .doUpdate(set(H.COUNT, H.COUNT.plus(PostgresInsert.excluded(H.COUNT))).set(H.NOTE, "seen")));
            Row r = c.execute(selectFrom(H).where(H.PAGE.eq("/"))).one();
            assertEquals(15L, r.get(H.COUNT));
            assertEquals("seen", r.get(H.NOTE));
        }
    }

    @Test
    void upsertDoNothingSkipsTheRow() {
        try (Connection c = engine.connect()) {
            c.execute(insert(H).set(H.PAGE, "/a").set(H.COUNT, 1L));
            assertEquals(0, c.execute(onConflict(insert(H).set(H.PAGE, "/a").set(H.COUNT, 99L), H.PAGE).doNothing()));
            assertEquals(0, c.execute(onConflict(insert(H).set(H.PAGE, "/a").set(H.COUNT, 99L)).doNothing().returning(H.PAGE)).all().size(),
                    "a skipped row is not returned");
            assertEquals(1L, (Long) c.execute(select(H.COUNT).where(H.PAGE.eq("/a"))).one()._1);
            assertEquals(1, c.execute(onConflict(insert(H).set(H.PAGE, "/b").set(H.COUNT, 2L), H.PAGE).doNothing()));
        }
    }

    @Test
    void upsertManyRowsWithWhereAndReturning() {
        try (Connection c = engine.connect()) {
            c.execute(insert(H).columns(H.PAGE, H.COUNT, H.NOTE).values("/x", 1L, "locked").values("/y", 1L, null));
            var up = onConflict(insert(H).columns(H.PAGE, H.COUNT).values("/x", 7L).values("/y", 7L).values("/z", 7L), H.PAGE)
                    .doUpdate(set(H.COUNT, PostgresInsert.excluded(H.COUNT)), H.NOTE.isNull())
                    .returning(H.PAGE, H.COUNT);
            List<Row> rows = c.execute(up).all();
            assertEquals(Set.of("/y=7", "/z=7"), asSet(rows, r -> r.get(H.PAGE) + "=" + r.get(H.COUNT)),
                    "the row whose note is set is neither updated nor returned");
            assertEquals(1L, (Long) c.execute(select(H.COUNT).where(H.PAGE.eq("/x"))).one()._1);
        }
    }

    @Test
    void upsertOnNamedConstraintAndFromExcluded() {
        try (Connection c = engine.connect()) {
            c.execute(insert(H).set(H.PAGE, "/n").set(H.COUNT, 1L).set(H.NOTE, "old"));
            c.execute(onConflictOnConstraint(insert(H).set(H.PAGE, "/n").set(H.COUNT, 2L).set(H.NOTE, "new"), H.name() + "_pkey")
                    .doUpdateFromExcluded(H.NOTE));
            Row r = c.execute(selectFrom(H).where(H.PAGE.eq("/n"))).one();
            assertEquals(1L, r.get(H.COUNT));
            assertEquals("new", r.get(H.NOTE));
        }
    }

    @Test
    void repeatedUpsertShapesComeFromTheCache() {
        try (Connection c = engine.connect()) {
            long misses = engine.cacheStats().misses();
            for (int i = 0; i < 5; i++)
                c.execute(onConflict(insert(H).set(H.PAGE, "/p" + (i % 2)).set(H.COUNT, (long) i), H.PAGE).doUpdateFromExcluded(H.COUNT));
            assertEquals(misses + 1, engine.cacheStats().misses());
            assertEquals(3L, (Long) c.execute(select(H.COUNT).where(H.PAGE.eq("/p1"))).one()._1);
        }
    }

    @Test
    void distinctOnKeepsTheFirstRowPerGroup() {
        try (Connection c = engine.connect()) {
            List<Tuple2<String, String>> best = c.execute(select(P.TEAM, P.NAME).where(P.TEAM.isNotNull())
                    .distinctOn(P.TEAM).orderBy(P.TEAM, P.SCORE.desc(), P.NAME)).all();
            assertEquals(List.of(new Tuple2<>("blue", "cid"), new Tuple2<>("red", "bob")), best);
        }
    }

    @Test
    void nullsOrderingAndDistinctFrom() {
        try (Connection c = engine.connect()) {
            assertEquals("Eve", c.execute(select(P.NAME).orderBy(P.SCORE.asc().nullsFirst()).limit(1)).one()._1);
            assertEquals("ann", c.execute(select(P.NAME).orderBy(P.SCORE.asc().nullsLast()).limit(1)).one()._1);
            assertEquals(List.of("ann", "bob", "cid", "dee"),
                    names(c, select(P.NAME).where(P.SCORE.isDistinctFrom((Integer) null)).orderBy(P.NAME)));
            assertEquals(List.of("Eve"), names(c, select(P.NAME).where(P.TEAM.isNotDistinctFrom((String) null))));
            assertEquals(List.of("bob", "cid", "dee", "Eve"), names(c, select(P.NAME).where(P.SCORE.isDistinctFrom(10)).orderBy(P.ID)));
        }
    }

    @Test
    void intersectAfterUnionAppliesToEverythingBeforeIt() {
        var ann = select(P.SCORE).where(P.NAME.eq("ann"));   // 10
        var bob = select(P.SCORE).where(P.NAME.eq("bob"));   // 30
        try (Connection c = engine.connect()) {
            // (10, 30) INTERSECT ALL (30) is 30; PostgreSQL would read a flat "ann UNION ALL bob INTERSECT ALL bob"
            // as ann UNION ALL (bob INTERSECT ALL bob) and also return 10
            assertEquals(List.of(30), c.execute(ann.unionAll(bob).intersectAll(bob)).all().stream().map(t -> t._1).toList());
            assertEquals(List.of(10, 30), c.execute(ann.intersect(ann).unionAll(bob).orderBy(P.SCORE)).all().stream().map(t -> t._1).toList());
        }
    }

    @Test
    void ilikeIgnoresCase() {
        try (Connection c = engine.connect()) {
            assertEquals(List.of("Eve"), names(c, select(P.NAME).where(P.NAME.ilike("e%"))));
            assertEquals(List.of(), names(c, select(P.NAME).where(P.NAME.like("e%"))));
        }
    }

    @Test
    void tupleInAndFullJoin() {
        try (Connection c = engine.connect()) {
            assertEquals(List.of("bob", "cid"), names(c, select(P.NAME)
                    .where(tuple(P.TEAM, P.SCORE).in(tuple(param("red"), param(30)), tuple(param("blue"), param(20))), P.NAME.ne("dee"))
                    .orderBy(P.NAME)));
            c.execute(insert(A).columns(A.TEAM, A.BONUS).values("red", 5).values("green", 1));
            List<Tuple2<String, String>> rows = c.execute(select(P.NAME, A.TEAM).from(P).fullJoin(A, A.TEAM.eq(P.TEAM))
                    .where(or(P.NAME.isNull(), P.NAME.eq("ann"))).orderBy(A.TEAM)).all();
            assertEquals(List.of(new Tuple2<>(null, "green"), new Tuple2<>("ann", "red")), rows);
        }
    }

    @Test
    void updateFromAndDeleteUsing() {
        try (Connection c = engine.connect()) {
            c.execute(insert(A).columns(A.TEAM, A.BONUS).values("red", 5).values("blue", 100));
            int n = c.execute(update(P).set(P.SCORE, P.SCORE.plus(A.BONUS)).from(A).where(A.TEAM.eq(P.TEAM), A.BONUS.lt(50)));
            assertEquals(2, n);
            assertEquals(List.of(15, 35, 20, 20), c.execute(select(P.SCORE).where(P.TEAM.isNotNull()).orderBy(P.ID)).all().stream()
                    .map(t -> t._1).toList());
            int d = c.execute(deleteFrom(P).using(A).where(A.TEAM.eq(P.TEAM), A.BONUS.gt(50)));
            assertEquals(2, d);
            assertEquals(List.of("ann", "bob", "Eve"), names(c, select(P.NAME).orderBy(P.ID)));
        }
    }

    @Test
    void sequences() {
        String seq = TestDatabases.uniqueName("Pg_Seq");
        try (Connection c = engine.connect()) {
            c.executeSql(Sequences.createSequence(seq, 1000, 10, false));
            c.executeSql(Sequences.createSequence(seq, 1, 1, true)); // IF NOT EXISTS: no error, no change
            try {
                assertEquals(1000L, (Long) c.execute(select(Sequences.nextval(seq))).scalar());
                assertEquals(1010L, (Long) c.execute(select(Sequences.nextval("public", seq))).scalar());
                assertEquals(1010L, (Long) c.execute(select(Sequences.currval(seq))).scalar());
                long id = c.insertReturningKeys(insert(P).set(P.ID, Sequences.nextval(seq)).set(P.NAME, "seq"), P.ID).get(0);
                assertEquals(1020L, id);
            } finally {
                c.executeSql(Sequences.dropSequence(seq, false));
                c.executeSql(Sequences.dropSequence(seq, true));
                c.commit();
            }
        }
    }

    private static List<String> names(Connection c, org.athanor.core.sql.Select<io.vavr.Tuple1<String>> q) {
        return c.execute(q).all().stream().map(t -> t._1).toList();
    }

    private static <R> Set<String> asSet(List<R> rows, java.util.function.Function<R, String> f) {
        Set<String> out = new HashSet<>();
        for (R r : rows) out.add(f.apply(r));
        return out;
    }
}
