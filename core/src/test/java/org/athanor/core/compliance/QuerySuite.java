package org.athanor.core.compliance;

import static org.athanor.core.sql.Sql.*;
import static org.athanor.core.type.SqlTypes.*;
import static org.junit.jupiter.api.Assertions.*;

import io.vavr.Tuple;
import io.vavr.Tuple1;
import io.vavr.Tuple2;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.LongStream;
import org.athanor.core.compile.CompiledStatement;
import org.athanor.core.engine.Connection;
import org.athanor.core.error.CompileError;
import org.athanor.core.schema.Column;
import org.athanor.core.schema.Table;
import org.athanor.core.sql.Label;
import org.athanor.core.sql.Select;
import org.athanor.core.testing.TestDatabases;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * SELECT behaviour over items(id 1..10, grp, val): LIMIT/OFFSET bound as parameters, ORDER BY a
 * label, DISTINCT, GROUP BY/HAVING, and IN in all its forms.
 */
public abstract class QuerySuite extends ComplianceSuite {
    static final class Items extends Table {
        final Column<Long> ID = column("id", BIGINT, primaryKey());
        final Column<String> GRP = column("grp", varchar(10), notNull());
        final Column<Integer> VAL = column("val", INTEGER);
        Items(String name) { super(name); }
    }

    /** grp of ids 1..10 and their val (id 10 has a NULL val). */
    private static final String[] GRPS = {"x", "x", "y", "y", "y", "z", "z", "z", "z", "x"};
    private static final Integer[] VALS = {10, 20, 30, 40, 50, 60, 70, 80, 90, null};

    private Items t;

    @BeforeEach
    void createTable() {
        t = new Items(TestDatabases.uniqueName("qi"));
        create(t);
        commit(c -> {
            var ins = insert(t).columns(t.ID, t.GRP, t.VAL);
            for (int i = 0; i < 10; i++) ins = ins.values((long) i + 1, GRPS[i], VALS[i]);
            c.execute(ins);
        });
    }

    private <R> List<R> all(Select<R> q) {
        try (Connection c = engine().connect()) {
            return c.execute(q).all();
        }
    }

    private List<Long> ids(Select<Tuple1<Long>> q) { return all(q).stream().map(r -> r._1).toList(); }

    private static List<Long> range(long from, long to) { return LongStream.rangeClosed(from, to).boxed().toList(); }

    // ---- LIMIT / OFFSET ------------------------------------------------------------------------------

    /** The values must be bound: the SQL has placeholders and never the numbers themselves. */
    private void assertBound(Select<?> q, long... values) {
        CompiledStatement cs = engine().dialect().compile(q);
        for (long v : values) {
            assertFalse(Pattern.compile("\\b" + v + "\\b").matcher(cs.sql()).find(),
                    "LIMIT/OFFSET value " + v + " must be a bind parameter, not part of the SQL: " + cs.sql());
            assertTrue(cs.parameters().contains(v), "parameters " + cs.parameters() + " should hold " + v + " for " + cs.sql());
        }
        assertTrue(cs.sql().contains("?"), cs.sql());
    }

    @Test
    void limitOnly() {
        var q = select(t.ID).orderBy(t.ID).limit(3);
        assertBound(q, 3);
        assertEquals(range(1, 3), ids(q));
    }

    @Test
    void offsetOnly() {
        var q = select(t.ID).orderBy(t.ID).offset(7);
        assertBound(q, 7);
        assertEquals(range(8, 10), ids(q));
    }

    @Test
    void limitAndOffset() {
        var q = select(t.ID).orderBy(t.ID).limit(3).offset(4);
        assertBound(q, 3, 4);
        assertEquals(range(5, 7), ids(q));
    }

    @Test
    void limitAndOffsetWithOtherValuesReuseTheCachedStatement() {
        assertEquals(range(2, 3), ids(select(t.ID).orderBy(t.ID).limit(2).offset(1)));
        long misses = engine().cacheStats().misses();
        assertEquals(range(7, 9), ids(select(t.ID).orderBy(t.ID).limit(3).offset(6)));
        assertEquals(misses, engine().cacheStats().misses(), "same shape, new values: no new compilation");
    }

    @Test
    void limitZeroAndOffsetPastTheEnd() {
        assertEquals(List.of(), ids(select(t.ID).orderBy(t.ID).limit(0)));
        assertEquals(List.of(), ids(select(t.ID).orderBy(t.ID).offset(50)));
        assertEquals(List.of(), ids(select(t.ID).orderBy(t.ID).limit(5).offset(10)));
    }

    // ---- ORDER BY, DISTINCT, GROUP BY ----------------------------------------------------------------

    @Test
    void orderByALabel() {
        Label<Integer> k = coalesce(t.VAL, 0).minus(t.ID.cast(INTEGER)).as("k");
        List<Tuple2<Long, Integer>> rows = all(select(t.ID, k).orderBy(k.desc(), t.ID).limit(3));
        assertEquals(List.of(Tuple.of(9L, 81), Tuple.of(8L, 72), Tuple.of(7L, 63)), rows);
    }

    @Test
    void distinct() {
        List<String> grps = all(select(t.GRP).distinct().orderBy(t.GRP)).stream().map(r -> r._1).toList();
        assertEquals(List.of("x", "y", "z"), grps);
    }

    @Test
    void groupByHaving() {
        var n = count().as("n");
        List<Tuple2<String, Long>> rows = all(select(t.GRP, n).groupBy(t.GRP).having(count().gt(2L)).orderBy(t.GRP));
        assertEquals(List.of(Tuple.of("x", 3L), Tuple.of("y", 3L), Tuple.of("z", 4L)), rows);
        rows = all(select(t.GRP, n).groupBy(t.GRP).having(count().gt(3L)).orderBy(t.GRP));
        assertEquals(List.of(Tuple.of("z", 4L)), rows);
    }

    @Test
    void aggregatesIgnoreNulls() {
        var q = select(count(t.VAL), sum(t.VAL), min(t.VAL), max(t.VAL)).where(t.GRP.eq("x"));
        var r = all(q).get(0);
        assertEquals(2L, r._1, "count(val) skips the NULL");
        assertEquals(30, r._2.intValue());
        assertEquals(10, r._3);
        assertEquals(20, r._4);
    }

    // ---- IN ------------------------------------------------------------------------------------------

    @Test
    void inList() {
        assertEquals(List.of(2L, 5L, 9L), ids(select(t.ID).where(t.ID.in(9L, 2L, 5L, 42L)).orderBy(t.ID)));
        assertEquals(List.of(1L, 3L, 4L, 6L, 7L, 8L, 10L), ids(select(t.ID).where(t.ID.notIn(9L, 2L, 5L)).orderBy(t.ID)));
    }

    @Test
    void inSubquery() {
        var zs = select(t.ID).where(t.GRP.eq("z"));
        assertEquals(range(6, 9), ids(select(t.ID).where(t.ID.in(zs)).orderBy(t.ID)));
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 10L), ids(select(t.ID).where(t.ID.notIn(zs)).orderBy(t.ID)));
    }

    @Test
    void notInASubqueryHoldingNullMatchesNothing() {
        // SQL's three-valued logic: x NOT IN (..., NULL) is never true. Every database must agree.
        var vals = select(t.VAL.cast(BIGINT));
        assertEquals(List.of(), ids(select(t.ID).where(t.ID.notIn(vals))));
    }

    @Test
    void emptyInMatchesNothingAndEmptyNotInMatchesEverything() {
        assertEquals(List.of(), ids(select(t.ID).where(t.ID.in(List.of()))));
        assertEquals(range(1, 10), ids(select(t.ID).where(t.ID.notIn(List.of())).orderBy(t.ID)));
        // also for a NULL operand, where "val IN ()" must still be false and "NOT IN ()" true
        assertEquals(List.of(10L), ids(select(t.ID).where(t.VAL.isNull(), t.VAL.notIn(List.of()))));
        assertEquals(List.of(), ids(select(t.ID).where(t.VAL.isNull(), t.VAL.in(List.of()))));
    }

    @Test
    void longInList() {
        List<Long> wanted = new ArrayList<>();
        for (long i = 0; i < 5_000; i++) wanted.add(i * 3); // 0, 3, 6, 9 are in the table
        assertEquals(List.of(3L, 6L, 9L), ids(select(t.ID).where(t.ID.in(wanted)).orderBy(t.ID)));
        assertEquals(List.of(1L, 2L, 4L, 5L, 7L, 8L, 10L), ids(select(t.ID).where(t.ID.notIn(wanted)).orderBy(t.ID)));
    }

    @Test
    void tupleInWhereSupported() {
        var q = select(t.ID).where(tuple(t.GRP, t.VAL).in(tuple(param("y"), param(40)), tuple(param("z"), param(90)),
                tuple(param("x"), param(90)))).orderBy(t.ID);
        if (!features().supportsTupleIn()) {
            CompileError e = assertThrows(CompileError.class, () -> engine().dialect().compile(q));
            assertTrue(e.getMessage().contains(db()), e.getMessage());
            return;
        }
        assertEquals(List.of(4L, 9L), ids(q));
    }

    // ---- reading results -----------------------------------------------------------------------------

    @Test
    void resultsStreamInPartitionsAndCheckCardinality() {
        try (Connection c = engine().connect()) {
            try (var parts = c.execute(select(t.ID).orderBy(t.ID)).partitions(4)) {
                assertEquals(List.of(4, 4, 2), parts.map(List::size).toList());
            }
            try (var stream = c.execute(select(t.ID).where(t.GRP.eq("z")).orderBy(t.ID.desc())).stream()) {
                assertEquals(List.of(9L, 8L, 7L, 6L), stream.map(Tuple1::_1).toList());
            }
            assertEquals(3L, c.execute(select(t.ID).where(t.ID.eq(3L))).one()._1);
            assertNull(c.execute(select(t.ID).where(t.ID.eq(99L))).oneOrNull());
            assertThrows(org.athanor.core.error.NoResultException.class, () -> c.execute(select(t.ID).where(t.ID.eq(99L))).one());
            assertThrows(org.athanor.core.error.MultipleResultsException.class, () -> c.execute(select(t.ID)).one());
            assertEquals(1L, c.execute(select(t.ID).orderBy(t.ID)).first()._1);
            // the connection is still usable after the results above were closed early
            assertEquals(10L, (Long) c.execute(select(count()).from(t)).scalar());
        }
    }
}
