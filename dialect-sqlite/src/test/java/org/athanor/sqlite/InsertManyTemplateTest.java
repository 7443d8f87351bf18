package org.athanor.sqlite;

import static org.athanor.core.sql.Sql.*;
import static org.athanor.core.type.SqlTypes.*;
import static org.junit.jupiter.api.Assertions.*;

import io.vavr.Tuple2;
import io.vavr.Tuple4;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.athanor.core.engine.Connection;
import org.athanor.core.engine.Engine;
import org.athanor.core.schema.Column;
import org.athanor.core.schema.MetaData;
import org.athanor.core.schema.Table;
import org.athanor.core.sql.Insert;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

/**
 * insertMany's template path: rows bound straight into a multi-row INSERT compiled once per chunk
 * size, with client-side defaults, the bind-parameter limit, a shorter last chunk and the errors
 * the statement path gives.
 */
class InsertManyTemplateTest {
    static final AtomicInteger TOKENS = new AtomicInteger();

    static final class Tickets extends Table {
        final Column<Long> ID = column("id", BIGINT, primaryKey(), autoincrement());
        final Column<String> NAME = column("name", varchar(50), notNull());
        final Column<Integer> QTY = column("qty", INTEGER);
        final Column<String> STATUS = column("status", varchar(10), defaultValue("new"));
        final Column<Integer> TOKEN = column("token", INTEGER, defaultValue(TOKENS::incrementAndGet));

        Tickets() { super("tickets"); }
    }

    static final Tickets T = new Tickets();

    /** No client-side defaults: full chunks after the first are bound from the maps in one pass. */
    static final class Plain extends Table {
        final Column<Long> ID = column("id", BIGINT, primaryKey(), autoincrement());
        final Column<String> NAME = column("name", varchar(50), notNull());
        final Column<Integer> QTY = column("qty", INTEGER);

        Plain() { super("plain_rows"); }
    }

    static final Plain P = new Plain();

    @TempDir Path dir;
    Engine engine;
    final List<String> seen = new ArrayList<>();

    /** An engine whose dialect allows only {@code maxBindParams} placeholders per statement. */
    private Engine engine(int maxBindParams) { return engine(maxBindParams, SqliteDialect.INSTANCE.features().insertParamsPerStatement()); }

    /** {@code aim}: the values per statement the dialect aims at (0: none, so 1,000 rows where the limit allows). */
    private Engine engine(int maxBindParams, int aim) {
        SQLiteDataSource ds = new SQLiteDataSource();
        ds.setUrl("jdbc:sqlite:" + dir.resolve("t" + maxBindParams + "-" + aim + ".db").toAbsolutePath());
        SqliteDialect d = SqliteDialect.INSTANCE;
        Engine e = Engine.of(ds, d.withFeatures(d.features().toBuilder().maxBindParams(maxBindParams).insertParamsPerStatement(aim).build()));
        MetaData.of(T, P).createAll(e);
        e.addStatementListener(seen::add);
        return e;
    }

    @BeforeEach
    void setUp() { engine = engine(10); }

    @AfterEach
    void tearDown() { engine.close(); }

    private static List<Map<Column<?>, Object>> rows(int n) {
        List<Map<Column<?>, Object>> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Map<Column<?>, Object> row = new LinkedHashMap<>();
            row.put(T.NAME, "t" + i);
            row.put(T.QTY, i);
            out.add(row);
        }
        return out;
    }

    private static int placeholders(String sql) { return (int) sql.chars().filter(ch -> ch == '?').count(); }

    @Test
    void chunksStayUnderTheBindLimitAndTheLastChunkIsShorter() {
        try (Connection c = engine.connect()) {
            seen.clear();
            // 4 columns (name, qty and the two defaulted ones) under a limit of 10: 2 rows per statement
            assertEquals(5, c.insertMany(insert(T), rows(5)));
            assertEquals(3, seen.size(), "2 + 2 + 1 rows, one listener call per statement: " + seen);
            assertEquals(List.of(8, 8, 4), seen.stream().map(InsertManyTemplateTest::placeholders).toList());
            assertEquals(seen.get(0), seen.get(1), "full chunks share one statement");
            assertEquals("INSERT INTO tickets (name, qty, status, token) VALUES (?, ?, ?, ?)", seen.get(2).replace("\"", ""));
            List<Tuple4<String, Integer, String, Integer>> got =
                    c.execute(select(T.NAME, T.QTY, T.STATUS, T.TOKEN).orderBy(T.ID.asc())).all();
            assertEquals(5, got.size());
            for (int i = 0; i < 5; i++) {
                assertEquals("t" + i, got.get(i)._1);
                assertEquals(i, got.get(i)._2);
                assertEquals("new", got.get(i)._3, "the static default fills the omitted column");
            }
            assertEquals(5, got.stream().map(r -> r._4).distinct().count(), "a supplier default is called once per row");
        }
    }

    @Test
    void templatesComeFromTheEngineCacheOncePerChunkSize() {
        try (Connection c = engine.connect()) {
            int before = engine.cacheStats().size();
            c.insertMany(insert(T), rows(7)); // 2, 2, 2, 1
            c.insertMany(insert(T), rows(7));
            assertEquals(before + 2, engine.cacheStats().size(), "one template for 2 rows, one for 1 row");
            assertEquals(14L, (Long) c.execute(select(count()).from(T)).scalar());
        }
    }

    @Test
    void aThousandRowsPerStatementAtMostUnderTheRealLimit() {
        try (Engine big = engine(32766, 0); Connection c = big.connect()) {
            seen.clear();
            assertEquals(2500, c.insertMany(insert(T), rows(2500)));
            assertEquals(List.of(4000, 4000, 2000), seen.stream().map(InsertManyTemplateTest::placeholders).toList());
            assertEquals(2500L, (Long) c.execute(select(count()).from(T).where(T.STATUS.eq("new"))).scalar());
        }
    }

    @Test
    void givenColumnsOverrideDefaultsAndExplicitColumnsOrderTheRow() {
        try (Connection c = engine.connect()) {
            Map<Column<?>, Object> row = new LinkedHashMap<>();
            row.put(T.NAME, "x");
            row.put(T.STATUS, "done");
            assertEquals(1, c.insertMany(insert(T).columns(T.STATUS, T.NAME), List.of(row)));
            assertEquals("done", c.execute(select(T.STATUS).where(T.NAME.eq("x"))).scalar());
String sql = seen.stream().filter(q -> q.startsWith("INSERT")).findFirst().orElseThrow().replace("\"", "");
            assertEquals("INSERT INTO tickets (status, name, token) VALUES (?, ?, ?)", sql,
                    "the explicit columns first, then the defaulted ones the row leaves out");
        }
    }

    @Test
    void aRowWithOtherColumnsIsRejectedNamingBoth() {
        List<Map<Column<?>, Object>> bad = rows(1);
        bad.add(Map.of(T.NAME, "y"));
        try (Connection c = engine.connect()) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> c.insertMany(insert(T), bad));
            assertTrue(e.getMessage().contains("must name the same columns"), e.getMessage());
            assertTrue(e.getMessage().contains("got [name] in row 1"), e.getMessage());
            assertEquals(0L, (Long) c.execute(select(count()).from(T)).scalar(), "the chunk holding the bad row was not sent");
        }
    }

    @Test
    void aValueOfTheWrongTypeNamesRowAndColumn() {
        List<Map<Column<?>, Object>> bad = rows(3);
        bad.get(2).put(T.QTY, "three");
        try (Connection c = engine.connect()) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> c.insertMany(insert(T), bad));
            assertTrue(e.getMessage().startsWith("insertMany: row 2, column tickets.qty: value three of java.lang.String"), e.getMessage());
        }
    }

    @Test
    void valuesAreCoercedToTheColumnType() {
        Map<Column<?>, Object> row = new LinkedHashMap<>();
        row.put(T.NAME, "s");
        row.put(T.QTY, (short) 7); // a Short for an INTEGER column widens
        try (Connection c = engine.connect()) {
            assertEquals(1, c.insertMany(insert(T), List.of(row)));
            assertEquals((Integer) 7, c.execute(select(T.QTY).where(T.NAME.eq("s"))).scalar());
        }
    }

    @Test
    void aRowHoldingAnExpressionTakesTheStatementPath() {
        List<Map<Column<?>, Object>> rows = rows(3);
        rows.get(1).put(T.QTY, literal(41));
        try (Connection c = engine.connect()) {
            assertEquals(3, c.insertMany(insert(T), rows));
            assertEquals((Integer) 41, c.execute(select(T.QTY).where(T.NAME.eq("t1"))).scalar());
            assertEquals((Integer) 2, c.execute(select(T.QTY).where(T.NAME.eq("t2"))).scalar());
        }
    }

    private static List<Map<Column<?>, Object>> plainRows(int n) {
        List<Map<Column<?>, Object>> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Map<Column<?>, Object> row = new java.util.HashMap<>();
            row.put(P.NAME, "p" + i);
            row.put(P.QTY, i);
            out.add(row);
        }
        return out;
    }

    /**
     * A table without defaults: 5 rows per statement under a limit of 10, so rows 5-9 are a full
     * chunk after the first, bound straight from the maps. What the other tests check through the
     * aligned path must hold there too: every value where it belongs, casts, an expression sent by
     * the statement path, and errors naming the row before anything of its chunk is sent.
     */
    @Test
    void laterFullChunksAreBoundFromTheMapsLikeTheFirst() {
        try (Connection c = engine.connect()) {
            List<Map<Column<?>, Object>> rows = plainRows(12);
            rows.get(7).put(P.QTY, (short) 70); // widened in flight
            rows.get(8).put(P.QTY, null);
            seen.clear();
            assertEquals(12, c.insertMany(insert(P), rows));
            assertEquals(List.of(10, 10, 4), seen.stream().map(InsertManyTemplateTest::placeholders).toList());
            List<Tuple2<String, Integer>> got = c.execute(select(P.NAME, P.QTY).orderBy(P.ID.asc())).all();
            for (int i = 0; i < 12; i++) {
                assertEquals("p" + i, got.get(i)._1);
                assertEquals(i == 7 ? (Integer) 70 : i == 8 ? null : (Integer) i, got.get(i)._2, "row " + i);
            }
            c.execute(deleteFrom(P));

            List<Map<Column<?>, Object>> withExpression = plainRows(12);
            withExpression.get(6).put(P.QTY, literal(600));
            assertEquals(12, c.insertMany(insert(P), withExpression));
            assertEquals((Integer) 600, c.execute(select(P.QTY).where(P.NAME.eq("p6"))).scalar());
            assertEquals((Integer) 9, c.execute(select(P.QTY).where(P.NAME.eq("p9"))).scalar());
            assertEquals(12L, (Long) c.execute(select(count()).from(P)).scalar());
            c.execute(deleteFrom(P));

            List<Map<Column<?>, Object>> wrongType = plainRows(12);
            wrongType.get(8).put(P.QTY, "eight");
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> c.insertMany(insert(P), wrongType));
            assertTrue(e.getMessage().startsWith("insertMany: row 8, column plain_rows.qty: value eight of java.lang.String"), e.getMessage());
            assertEquals(5L, (Long) c.execute(select(count()).from(P)).scalar(), "only the first chunk was sent");
            c.execute(deleteFrom(P));

            List<Map<Column<?>, Object>> otherColumns = plainRows(12);
            otherColumns.set(9, Map.of(P.NAME, "x", P.ID, 99L));
            e = assertThrows(IllegalArgumentException.class, () -> c.insertMany(insert(P), otherColumns));
            assertTrue(e.getMessage().contains("must name the same columns") && e.getMessage().contains("in row 9"), e.getMessage());
            assertEquals(5L, (Long) c.execute(select(count()).from(P)).scalar(), "the chunk holding the bad row was not sent");
        }
    }

    @Test
    void anInsertThatAlreadyHasRowsKeepsThemInEveryStatementAsBefore() {
        Insert base = insert(T).values(Insert.row(T.NAME, "first", T.QTY, -1));
        try (Connection c = engine.connect()) {
            assertEquals(2, c.insertMany(base, rows(1)), "the given row and the new one");
            assertEquals(1L, (Long) c.execute(select(count()).from(T).where(T.NAME.eq("first"))).scalar());
        }
    }

    @Test
    void echoLogsEveryChunkWithItsValuesAndCacheOrigin() {
        java.io.PrintStream old = System.err;
        java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream();
        try (Engine e = Engine.create("sqlite://", org.athanor.core.engine.EngineOptions.defaults().echo(true))) {
            // the set-up's echo goes to a sink; only the inserts' is read
            System.setErr(new java.io.PrintStream(new java.io.ByteArrayOutputStream(), true, java.nio.charset.StandardCharsets.UTF_8));
            MetaData.of(T).createAll(e);
            System.setErr(new java.io.PrintStream(buf, true, java.nio.charset.StandardCharsets.UTF_8));
            try (Connection c = e.connect()) {
                c.insertMany(insert(T).columns(T.NAME, T.QTY), rows(2));
                c.insertMany(insert(T).columns(T.NAME, T.QTY), rows(1));
                c.insertMany(insert(T).columns(T.NAME, T.QTY), rows(2));
            }
        } finally {
            System.setErr(old);
        }
        String log = buf.toString(java.nio.charset.StandardCharsets.UTF_8);
        String sql = "INSERT INTO tickets (name, qty, status, token) VALUES (?, ?, ?, ?), (?, ?, ?, ?)\n[generated] [t0, 0, new, ";
        assertTrue(log.contains(sql), log);
        assertTrue(log.contains("tickets (name, qty, status, token) VALUES (?, ?, ?, ?)\n[generated] [t0, 0, new, "), log);
        assertTrue(log.contains("VALUES (?, ?, ?, ?), (?, ?, ?, ?)\n[cached] [t0, 0, new, "), "the third call reuses the 2-row template: " + log);
    }
}
