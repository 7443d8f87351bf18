package org.athanor.core.compliance;

import static org.athanor.core.sql.Sql.*;
import static org.athanor.core.type.SqlTypes.*;
import static org.junit.jupiter.api.Assertions.*;

import io.vavr.Tuple;
import io.vavr.Tuple2;
import io.vavr.Tuple3;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.athanor.core.engine.Connection;
import org.athanor.core.engine.Engine;
import org.athanor.core.engine.RowsInsert;
import org.athanor.core.engine.StatementListener;
import org.athanor.core.error.CompileError;
import org.athanor.core.error.IntegrityError;
import org.athanor.core.schema.Column;
import org.athanor.core.schema.Table;
import org.athanor.core.sql.Insert;
import org.athanor.core.sql.Query;
import org.athanor.core.sql.Row;
import org.athanor.core.testing.TestDatabases;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * INSERT, UPDATE and DELETE: row counts, RETURNING where the dialect has it (and a CompileError
 * naming the database where not), generated keys in row order either way, DEFAULT VALUES,
 * executemany with named parameters, insertMany split by the bind-parameter limit, and
 * insertRows (value arrays, returned columns per row, binders kept per statement shape).
 */
public abstract class DmlSuite extends ComplianceSuite {
    static final class People extends Table {
        final Column<Long> ID = column("id", BIGINT, primaryKey(), autoincrement());
        final Column<String> NAME = column("name", varchar(50), notNull());
        final Column<Integer> AGE = column("age", INTEGER);
        final Column<Integer> SCORE = column("score", INTEGER, serverDefault("7"));
        People(String name) { super(name); }
    }

    /** insertRows' table: no client-side defaults, so rows needing no cast are bound as the caller gave them. */
    static final class Stock extends Table {
        final Column<Long> ID = column("id", BIGINT, primaryKey(), autoincrement());
        final Column<String> CODE = column("code", varchar(30), notNull(), unique());
        final Column<Long> QTY = column("qty", BIGINT);
        final Column<String> NOTE = column("note", varchar(50));
        Stock(String name) { super(name); }
    }

    /** Client-side defaults: a constant, and a supplier that must be called once per row. */
    static final class Tagged extends Table {
        static final AtomicLong NEXT = new AtomicLong();
        final Column<Long> ID = column("id", BIGINT, primaryKey(), autoincrement());
        final Column<String> NAME = column("name", varchar(30), notNull());
        final Column<String> STATUS = column("status", varchar(10), defaultValue("new"));
        final Column<Long> SEQ = column("seq", BIGINT, defaultValue(() -> NEXT.incrementAndGet()));
        Tagged(String name) { super(name); }
    }

    private People p;

    @BeforeEach
    void createTable() {
        p = new People(TestDatabases.uniqueName("dp"));
        create(p);
    }

    private void seed() {
        commit(c -> c.execute(insert(p).columns(p.NAME, p.AGE)
                .values("ann", 30).values("bob", 30).values("cid", 40).values("dee", null)));
    }

    private Map<String, Long> idsByName(Connection c) {
        Map<String, Long> out = new HashMap<>();
        for (Tuple2<String, Long> r : c.execute(select(p.NAME, p.ID)).all()) out.put(r._1, r._2);
        return out;
    }

    // ---- row counts -------------------------------------------------------------------------------------

    @Test
    void updateAndDeleteReturnTheirRowCounts() {
        seed();
        try (Connection c = engine().connect()) {
            assertEquals(2, c.execute(update(p).set(p.AGE, 31).where(p.AGE.eq(30))));
            assertEquals(0, c.execute(update(p).set(p.AGE, 1).where(p.NAME.eq("nobody"))));
            assertEquals(4, c.execute(update(p).set(p.SCORE, 1)));
            assertEquals(1, c.execute(deleteFrom(p).where(p.AGE.isNull())));
            assertEquals(0, c.execute(deleteFrom(p).where(p.AGE.isNull())));
            assertEquals(3, c.execute(deleteFrom(p)));
            c.commit();
        }
    }

    /** Rows matched but left unchanged still count (SQLAlchemy relies on matched-row counts). */
    @Test
    void updateCountsMatchedRowsEvenWhenNothingChanges() {
        seed();
        try (Connection c = engine().connect()) {
            assertEquals(2, c.execute(update(p).set(p.AGE, 30).where(p.AGE.eq(30))),
                    db() + " must report rows matched, not rows changed");
        }
    }

    // ---- RETURNING and generated keys --------------------------------------------------------------------

    @Test
    void insertReturningWhereSupported() {
        var q = insert(p).set(p.NAME, "eve").set(p.AGE, 22).returning(p.ID, p.NAME, p.SCORE);
        if (!features().supportsReturning()) {
            assertUnsupported(q);
            return;
        }
        try (Connection c = engine().connect()) {
            Row r = c.execute(q).one();
            assertEquals("eve", r.get(p.NAME));
            assertEquals(7, r.get(p.SCORE), "RETURNING sees the server default");
            assertEquals(idsByName(c).get("eve"), r.get(p.ID));
        }
    }

    @Test
    void updateReturningWhereSupported() {
        seed();
        var q = update(p).set(p.AGE, 50).where(p.AGE.eq(30)).returning(p.NAME, p.AGE);
        if (!features().supportsUpdateReturning()) {
            assertUnsupported(q);
            return;
        }
        try (Connection c = engine().connect()) {
            List<Row> rows = new ArrayList<>(c.execute(q).all());
            rows.sort(java.util.Comparator.comparing(r -> r.get(p.NAME)));
            assertEquals(List.of("ann", "bob"), rows.stream().map(r -> r.get(p.NAME)).toList());
            assertEquals(List.of(50, 50), rows.stream().map(r -> r.get(p.AGE)).toList());
        }
    }

    @Test
    void deleteReturningWhereSupported() {
        seed();
        var q = deleteFrom(p).where(p.AGE.gt(35)).returning(p.NAME);
        if (!features().supportsDeleteReturning()) {
            assertUnsupported(q);
            return;
        }
        try (Connection c = engine().connect()) {
            assertEquals("cid", c.execute(q).one().get(p.NAME));
            assertEquals(3L, (Long) c.execute(select(count()).from(p)).scalar());
        }
    }

    private void assertUnsupported(Query<?> q) {
        CompileError e = assertThrows(CompileError.class, () -> engine().dialect().compile(q));
        assertTrue(e.getMessage().contains("RETURNING") && e.getMessage().contains(db()), e.getMessage());
    }

    @Test
    void insertReturningKeysGivesTheNewId() {
        try (Connection c = engine().connect()) {
            List<Long> first = c.insertReturningKeys(insert(p).set(p.NAME, "ann"), p.ID);
            List<Long> second = c.insertReturningKeys(insert(p).set(p.NAME, "bob"), p.ID);
            assertEquals(1, first.size());
            assertEquals(1, second.size());
            assertEquals(Map.of("ann", first.get(0), "bob", second.get(0)), idsByName(c));
            c.commit();
        }
    }

    @Test
    void multiRowInsertReturnsIdsInRowOrder() {
        try (Connection c = engine().connect()) {
            c.insertReturningKeys(insert(p).set(p.NAME, "warm-up"), p.ID); // ids no longer start at 1
            Insert ins = insert(p).columns(p.NAME, p.AGE);
            List<String> names = new ArrayList<>();
            for (int i = 0; i < 25; i++) {
                String n = "row" + (char) ('z' - i); // names sort opposite to insertion order
                names.add(n);
                ins = ins.values(n, i);
            }
            List<Long> ids = c.insertReturningKeys(ins, p.ID);
            assertEquals(25, ids.size(), "one key per inserted row: " + ids);
            Map<String, Long> actual = idsByName(c);
            for (int i = 0; i < names.size(); i++)
                assertEquals(actual.get(names.get(i)), ids.get(i), "key " + i + " must be the id of row " + names.get(i));
            c.commit();
        }
    }

    @Test
    void defaultValuesInsert() {
        Table t = Table.of(TestDatabases.uniqueName("dv"),
                Table.col("id", BIGINT, Table.Options.primaryKey(), Table.Options.autoincrement()),
                Table.col("n", INTEGER, Table.Options.serverDefault("42")));
        create(t);
        Column<Long> id = t.column("id", Long.class);
        Column<Integer> n = t.column("n", Integer.class);
        try (Connection c = engine().connect()) {
            assertEquals(1, c.execute(insert(t).defaultValues()));
            List<Long> keys = c.insertReturningKeys(insert(t).defaultValues(), id);
            assertEquals(1, keys.size());
            List<Tuple2<Long, Integer>> rows = c.execute(select(id, n).orderBy(id)).all();
            assertEquals(2, rows.size());
            assertEquals(Tuple.of(keys.get(0), 42), rows.get(1));
            assertEquals(42, rows.get(0)._2);
            c.commit();
        }
    }

    // ---- executemany and insertMany ------------------------------------------------------------------

    @Test
    void executeManyWithNamedParameters() {
        List<Map<String, ?>> sets = new ArrayList<>();
        for (int i = 0; i < 250; i++) sets.add(Map.of("name", "n" + i, "age", i % 5));
        try (Connection c = engine().connect()) {
            long inserted = c.executeMany(insert(p).set(p.NAME, bindParam("name", varchar(50))).set(p.AGE, bindParam("age", INTEGER)), sets);
            assertTrue(inserted == 250 || inserted == -1, "250 rows inserted (or -1: count unknown), got " + inserted);
            assertEquals(250L, (Long) c.execute(select(count()).from(p)).scalar());
            List<Map<String, ?>> updates = List.of(Map.of("a", 0, "s", 100), Map.of("a", 1, "s", 101), Map.of("a", 9, "s", 109));
            long updated = c.executeMany(update(p).set(p.SCORE, bindParam("s", INTEGER)).where(p.AGE.eq(bindParam("a", INTEGER))), updates);
            assertTrue(updated == 100 || updated == -1, "100 rows updated (or -1), got " + updated);
            List<Tuple2<Integer, Long>> byScore = c.execute(select(p.SCORE, count()).groupBy(p.SCORE).orderBy(p.SCORE)).all();
            assertEquals(List.of(Tuple.of(7, 150L), Tuple.of(100, 50L), Tuple.of(101, 50L)), byScore);
            c.commit();
        }
    }

    @Test
    void executeManyNamesAMissingParameter() {
        try (Connection c = engine().connect()) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> c.executeMany(
                    insert(p).set(p.NAME, bindParam("name", varchar(50))), List.of(Map.of("nmae", "x"))));
            assertTrue(e.getMessage().contains(":name"), e.getMessage());
        }
    }

    /**
     * Wide rows: 1,000 rows of 70 columns are 70,000 values, above every database's bind-parameter
     * limit (SQLite 32,766, PostgreSQL 32,767, MySQL 65,535), so insertMany must split by the limit,
     * not merely by a row count.
     */
    @Test
    void insertManySplitsAtTheBindParameterLimit() {
        int width = 70, n = 2_000;
        Table.ColumnSpec[] cols = new Table.ColumnSpec[width];
        cols[0] = Table.col("id", BIGINT, Table.Options.primaryKey());
        for (int i = 1; i < width; i++) cols[i] = Table.col("c" + i, INTEGER);
        Table wide = Table.of(TestDatabases.uniqueName("dw"), cols);
        create(wide);
        List<Map<Column<?>, Object>> rows = new ArrayList<>(n);
        for (int r = 0; r < n; r++) {
            Map<Column<?>, Object> row = new LinkedHashMap<>();
            row.put(wide.column("id"), (long) r);
            for (int i = 1; i < width; i++) row.put(wide.column("c" + i), r * i);
            rows.add(row);
        }
        Column<Long> id = wide.column("id", Long.class);
        Column<Integer> last = wide.column("c" + (width - 1), Integer.class);
        try (Connection c = engine().connect()) {
            assertEquals(n, c.insertMany(insert(wide), rows));
            var check = c.execute(select(count(), sum(id), sum(last.cast(BIGINT)))).one();
            assertEquals(Tuple.of((long) n, (long) n * (n - 1) / 2, (width - 1L) * n * (n - 1) / 2), check);
            c.commit();
        }
    }

    // ---- insertRows -----------------------------------------------------------------------------------

    /**
     * A lone autoincrement key comes back in row order everywhere: RETURNING where its order is
     * promised, generated keys without RETURNING, and PostgreSQL's ordered insert otherwise.
     */
    private boolean keysInRowOrder() {
        return !features().supportsReturning() || features().returningPreservesOrder() || features().orderedInsertSelect();
    }

    /** The SQL of every statement the engine sends while {@code work} runs. */
    private List<String> statementsDuring(Runnable work) {
        List<String> seen = new CopyOnWriteArrayList<>();
        StatementListener l = seen::add;
        engine().addStatementListener(l);
        try {
            work.run();
        } finally {
            engine().removeStatementListener(l);
        }
        return seen;
    }

    private static int placeholders(String sql) { return (int) sql.chars().filter(ch -> ch == '?').count(); }

    private Stock stock() {
        Stock s = new Stock(TestDatabases.uniqueName("ds"));
        create(s);
        return s;
    }

    private static List<Object[]> stockRows(int n, String prefix) {
        List<Object[]> rows = new ArrayList<>(n);
        for (int i = 0; i < n; i++) rows.add(new Object[] {prefix + i, (long) i * 3, "note " + i});
        return rows;
    }

    private Map<Long, String> codesById(Connection c, Stock s) {
        Map<Long, String> out = new HashMap<>();
        for (Tuple2<Long, String> r : c.execute(select(s.ID, s.CODE)).all()) out.put(r._1, r._2);
        return out;
    }

    /**
     * 2,500 rows of 40 columns are 100,000 values, over every database's bind-parameter limit, so
     * insertRows must split them into several statements, each under the limit, every row sent once.
     */
    @Test
    void insertRowsSplitsAtTheBindParameterLimit() {
        int width = 40, n = 2_500;
        Table.ColumnSpec[] specs = new Table.ColumnSpec[width];
        specs[0] = Table.col("id", BIGINT, Table.Options.primaryKey());
        for (int i = 1; i < width; i++) specs[i] = Table.col("c" + i, INTEGER);
        Table wide = Table.of(TestDatabases.uniqueName("dr"), specs);
        create(wide);
        Column<?>[] cols = wide.columns().toArray(Column<?>[]::new);
        List<Object[]> rows = new ArrayList<>(n);
        for (int r = 0; r < n; r++) {
            Object[] row = new Object[width];
            row[0] = (long) r;
            for (int i = 1; i < width; i++) row[i] = r * i;
            rows.add(row);
        }
        Column<Long> id = wide.column("id", Long.class);
        Column<Integer> last = wide.column("c" + (width - 1), Integer.class);
        try (Connection c = engine().connect()) {
            List<String> sent = statementsDuring(() -> assertEquals(List.of(), c.insertRows(insert(wide), cols, rows)));
            int limit = features().maxBindParams();
            for (String sql : sent) assertTrue(placeholders(sql) <= limit, placeholders(sql) + " parameters in one statement, over " + limit);
            if (features().insertFromArrays()) {
                // one array per column: as many parameters as columns, whatever the number of rows
                for (String sql : sent) assertEquals(width, placeholders(sql), sql);
            } else {
                assertTrue(sent.size() >= (n * width + limit - 1) / limit, sent.size() + " statements for " + n * width + " values under "
                        + db() + "'s limit of " + limit);
                assertEquals(n * width, sent.stream().mapToInt(DmlSuite::placeholders).sum(), "every value bound exactly once");
            }
            var check = c.execute(select(count(), sum(id), sum(last.cast(BIGINT)))).one();
            assertEquals(Tuple.of((long) n, (long) n * (n - 1) / 2, (width - 1L) * n * (n - 1) / 2), check);
            c.commit();
        }
    }

    /**
     * One generated key per row, as a Long, across several statements; where the order is promised
     * (RETURNING in row order, multi-row generated keys, or one row per statement) key i is row i's id.
     */
    @Test
    void insertRowsReturnsTheGeneratedKeyOfEveryRow() {
        Stock s = stock();
        int n = 2_500;
        List<Object[]> rows = stockRows(n, "k");
        try (Connection c = engine().connect()) {
            c.insertRows(insert(s), new Column<?>[] {s.CODE}, List.<Object[]>of(new Object[] {"warm-up"}), s.ID); // ids no longer start at 1
            List<Object[]> keys = new ArrayList<>();
            // INSERTs only: where keys are learnt from the last one (SQLite), a check follows each statement
            List<String> sent = statementsDuring(() -> keys.addAll(c.insertRows(insert(s), new Column<?>[] {s.CODE, s.QTY, s.NOTE}, rows, s.ID)))
                    .stream().filter(q -> q.startsWith("INSERT")).toList();
            assertEquals(n, keys.size(), "one returned row per inserted row");
            if (!features().supportsMultiRowInsert() || !features().supportsReturning() && !features().multiRowGeneratedKeys())
                assertEquals(n, sent.size(), "one row per statement where the driver reports one key per statement");
            else assertTrue(sent.size() < n / 100, "multi-row statements: " + sent.size() + " statements for " + n + " rows");
            Set<Long> distinct = new HashSet<>();
            for (Object[] k : keys) {
                assertEquals(1, k.length);
                distinct.add(assertInstanceOf(Long.class, k[0], "keys are cast to the column's type"));
            }
            assertEquals(n, distinct.size(), "distinct keys");
            Map<Long, String> actual = codesById(c, s);
            assertTrue(actual.keySet().containsAll(distinct), "every key is the id of an inserted row");
            if (keysInRowOrder())
                for (int i = 0; i < n; i++) assertEquals(rows.get(i)[0], actual.get((Long) keys.get(i)[0]), "key " + i + " must be the id of row " + i);
            assertEquals(List.of(Tuple.of((long) n, 3L * n * (n - 1) / 2)), c.execute(select(count(), sum(s.QTY)).where(s.CODE.like("k%"))).all());
            c.commit();
        }
    }

    /**
     * insertRowsReturning: rows laid out wider than the statement (the value of each column at its
     * position, as an ORM's snapshot arrays) and the keys in one array, in row order; values needing a
     * cast are cast in a copy, and a table with client-side defaults takes the aligned path.
     */
    @Test
    void insertRowsReturningReadsValuesAtTheirPositions() {
        Stock s = stock();
        int n = 1_500;
        List<Object[]> wide = new ArrayList<>(n);
        for (int i = 0; i < n; i++) wide.add(new Object[] {"unused " + i, i % 4 == 0 ? (Object) Integer.valueOf(i) : (Object) (long) i, "x" + i, null, "wn" + i});
        List<Object[]> before = new ArrayList<>();
        for (Object[] r : wide) before.add(r.clone());
        int[] positions = {2, 1, 4}; // code, qty, note
        Column<?>[] cols = {s.CODE, s.QTY, s.NOTE};
        try (Connection c = engine().connect()) {
            Object[] keys = c.rowsInsert(insert(s), cols, positions, s.ID).keys(wide);
            assertEquals(n, keys.length);
            for (int i = 0; i < n; i++) {
                assertArrayEquals(before.get(i), wide.get(i), "the caller's row " + i + " is not changed (an Integer qty is cast in a copy)");
                assertSame(before.get(i)[1].getClass(), wide.get(i)[1].getClass());
            }
            Map<Long, String> codes = codesById(c, s);
            for (int i = 0; i < n; i++) assertEquals("x" + i, codes.get((Long) keys[i]), "key " + i + " in row order");
            assertEquals(List.of(Tuple.of((long) n, (long) n * (n - 1) / 2)), c.execute(select(count(), sum(s.QTY)).where(s.CODE.like("x%"))).all());
            // the same shape again reuses the binder: identical SQL
            List<String> first = statementsDuring(() -> c.rowsInsert(insert(s), cols, positions, s.ID).keys(List.<Object[]>of(new Object[] {0, 7L, "y1", 0, "n"})));
            List<String> second = statementsDuring(() -> c.rowsInsert(insert(s), cols, positions, s.ID).keys(List.<Object[]>of(new Object[] {0, 8L, "y2", 0, "n"})));
            assertEquals(first, second);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> c.rowsInsert(insert(s), cols, new int[] {2, 1}, s.ID).keys(wide));
            assertTrue(e.getMessage().contains("2 positions for 3 columns"), e.getMessage());
            c.commit();
        }
        Tagged t = new Tagged(TestDatabases.uniqueName("dtw"));
        create(t);
        try (Connection c = engine().connect()) {
            long before2 = Tagged.NEXT.get();
            Object[] keys = c.rowsInsert(insert(t), new Column<?>[] {t.NAME}, new int[] {1}, t.ID).keys(List.of(new Object[] {"skip", "a"}, new Object[] {"skip", "b"}));
            assertEquals(2, keys.length);
            assertEquals(before2 + 2, Tagged.NEXT.get(), "the supplier default ran once per row");
            assertEquals(List.of("new", "new"), c.execute(select(t.STATUS).from(t).orderBy(t.ID)).all().stream().map(x -> x._1).toList());
            c.commit();
        }
    }

    /**
     * Where order is not promised (PostgreSQL), a second returned column tells the rows apart: each
     * (id, code) pair is a row of the table. Without RETURNING only the generated key can come back.
     */
    @Test
    void insertRowsReturnsSeveralColumnsOnlyWithReturning() {
        Stock s = stock();
        int n = 1_500;
        List<Object[]> rows = stockRows(n, "p");
        Column<?>[] cols = {s.CODE, s.QTY, s.NOTE};
        try (Connection c = engine().connect()) {
            if (!features().supportsReturning()) {
                List<String> sent = statementsDuring(() -> {
                    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> c.insertRows(insert(s), cols, rows, s.ID, s.CODE));
                    assertTrue(e.getMessage().contains("[id, code]") && e.getMessage().contains(db()), e.getMessage());
                });
                assertEquals(List.of(), sent, "nothing runs");
                return;
            }
            List<Object[]> returned = c.insertRows(insert(s), cols, rows, s.ID, s.CODE);
            assertEquals(n, returned.size());
            Map<Long, String> actual = codesById(c, s);
            Set<String> codes = new HashSet<>();
            for (Object[] r : returned) {
                assertEquals(2, r.length);
                assertEquals(actual.get(assertInstanceOf(Long.class, r[0])), r[1], "returned (id, code) is a row of the table");
                codes.add((String) r[1]);
            }
            assertEquals(n, codes.size(), "every row returned once");
            c.commit();
        }
    }

    /** Columns with a client-side default that the rows leave out are filled, a supplier once per row (expression rows too). */
    @Test
    void insertRowsFillsClientSideDefaults() {
        Tagged t = new Tagged(TestDatabases.uniqueName("dt"));
        create(t);
        try (Connection c = engine().connect()) {
            long calls = Tagged.NEXT.get();
            List<Object[]> named = List.of(new Object[] {"a"}, new Object[] {"b"}, new Object[] {"c"});
            List<Object[]> keys = c.insertRows(insert(t), new Column<?>[] {t.NAME}, named, t.ID);
            assertEquals(3, keys.size());
            List<Object[]> keys2 = c.insertRows(insert(t), new Column<?>[] {t.NAME, t.STATUS},
                    List.of(new Object[] {"d", "old"}, new Object[] {"e", null}), t.ID);
            assertEquals(2, keys2.size());
            assertEquals(List.of(), c.insertRows(insert(t), new Column<?>[] {t.NAME}, List.of(new Object[] {"f"}, new Object[] {lower(param("G"))})));
            assertEquals(calls + 7, Tagged.NEXT.get(), "one supplier call per inserted row");
            List<Tuple3<String, String, Long>> stored = c.execute(select(t.NAME, t.STATUS, t.SEQ).orderBy(t.NAME)).all();
            assertEquals(Arrays.asList("new", "new", "new", "old", null, "new", "new"), stored.stream().map(r -> r._2).toList(),
                    "the default fills only the columns the rows leave out");
            assertEquals(List.of("a", "b", "c", "d", "e", "f", "g"), stored.stream().map(r -> r._1).toList());
            assertEquals(7, stored.stream().map(r -> r._3).filter(java.util.Objects::nonNull).distinct().count(),
                    "the supplier runs once per row: " + stored);
            if (keysInRowOrder())
                assertEquals(List.of("a", "b", "c"), keys.stream().map(k -> c.execute(select(t.NAME).where(t.ID.eq((Long) k[0]))).one()._1).toList());
            c.commit();
        }
    }

    /** A row holding a Core expression goes through the statement path and still returns its key. */
    @Test
    void insertRowsSendsRowsWithExpressionsThroughStatements() {
        Stock s = stock();
        List<Object[]> rows = List.of(
                new Object[] {"x1", 1L, upper(param("mixed"))},
                new Object[] {"x2", 2, "plain"},
                new Object[] {literal("x3"), 3L, null});
        try (Connection c = engine().connect()) {
            List<Object[]> keys = new ArrayList<>();
            List<String> sent = statementsDuring(() -> keys.addAll(c.insertRows(insert(s), new Column<?>[] {s.CODE, s.QTY, s.NOTE}, rows, s.ID)));
            assertTrue(sent.stream().anyMatch(sql -> sql.toLowerCase(java.util.Locale.ROOT).contains("upper(")), "the expression is rendered: " + sent);
            assertEquals(3, keys.size());
            Map<Long, String> codes = codesById(c, s);
            Set<Long> ids = new HashSet<>();
            for (Object[] k : keys) ids.add(assertInstanceOf(Long.class, k[0]));
            assertEquals(codes.keySet(), ids);
            if (keysInRowOrder())
                assertEquals(List.of("x1", "x2", "x3"), keys.stream().map(k -> codes.get((Long) k[0])).toList());
            assertEquals(List.of(Tuple.of("x1", "MIXED", 1L), Tuple.of("x2", "plain", 2L), Tuple.of("x3", null, 3L)),
                    c.execute(select(s.CODE, s.NOTE, s.QTY).orderBy(s.CODE)).all());
            assertEquals(List.of(), c.insertRows(insert(s), new Column<?>[] {s.CODE, s.QTY}, List.<Object[]>of(new Object[] {lower(param("X4")), 4L})));
            assertEquals(4L, (Long) c.execute(select(count()).from(s)).scalar());
            c.commit();
        }
    }

    /** A row of the wrong length is named, with the columns, before its statement runs (expression rows too). */
    @Test
    void insertRowsNamesARowOfTheWrongLength() {
        Stock s = stock();
        Column<?>[] cols = {s.CODE, s.QTY, s.NOTE};
        try (Connection c = engine().connect()) {
            for (Object first : new Object[] {"a", upper(param("a"))}) {
                List<Object[]> rows = List.of(new Object[] {first, 1L, "n"}, new Object[] {"b", 2L});
                List<String> sent = statementsDuring(() -> {
                    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> c.insertRows(insert(s), cols, rows));
                    assertTrue(e.getMessage().contains("row 1") && e.getMessage().contains("[code, qty, note]"), e.getMessage());
                });
                assertEquals(List.of(), sent, "nothing runs");
            }
        }
    }

    /** A value that does not fit its column is named by row and column, before its statement runs (expression rows too). */
    @Test
    void insertRowsNamesAValueOfTheWrongType() {
        Stock s = stock();
        Column<?>[] cols = {s.CODE, s.QTY, s.NOTE};
        try (Connection c = engine().connect()) {
            for (Object first : new Object[] {"a", upper(param("a"))}) {
                List<Object[]> rows = List.of(new Object[] {first, 1L, "n"}, new Object[] {"b", "two", "n"});
                List<String> sent = statementsDuring(() -> {
                    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> c.insertRows(insert(s), cols, rows));
                    String m = e.getMessage();
                    assertTrue(m.contains("row 1") && m.contains("qty") && m.contains("two") && m.contains("BIGINT"), m);
                });
                assertEquals(List.of(), sent, "nothing runs");
            }
        }
    }

    /**
     * After the first statement's worth, full chunks are bound straight from the caller's arrays: a
     * value to widen, an expression and a bad value must behave there as they do in the first chunk
     * (cast in flight, the statement path, an error naming the row before that chunk runs).
     */
    @Test
    void insertRowsTreatsLaterChunksLikeTheFirst() {
        Stock s = stock();
        Column<?>[] cols = {s.CODE, s.QTY, s.NOTE};
        try (Connection c = engine().connect()) {
            int per = c.rowsInsert(insert(s), cols, null, s.ID).rowsPerStatement();
            int n = 3 * per;
            List<Object[]> rows = new ArrayList<>(n);
            for (int i = 0; i < n; i++)
                rows.add(new Object[] {"r" + i, i % 7 == 0 ? (Object) Integer.valueOf(i) : (Object) (long) i, i == n - 2 ? upper(param("expr")) : "n" + i});
            List<Object[]> before = rows.stream().map(Object[]::clone).toList();
            List<Object[]> keys = c.insertRows(insert(s), cols, rows, s.ID);
            assertEquals(n, keys.size());
            for (int i = 0; i < n; i++)
                for (int f = 0; f < cols.length; f++) assertSame(before.get(i)[f], rows.get(i)[f], "row " + i + " field " + f + " is the caller's");
            Map<Long, String> codes = codesById(c, s);
            if (keysInRowOrder()) for (int i = 0; i < n; i++) assertEquals("r" + i, codes.get((Long) keys.get(i)[0]), "key " + i + " in row order");
            assertEquals(List.of(Tuple.of((long) n, (long) n * (n - 1) / 2)), c.execute(select(count(), sum(s.QTY)).where(s.CODE.like("r%"))).all());
            assertEquals(List.of(Tuple.of("EXPR")), c.execute(select(s.NOTE).where(s.CODE.eq("r" + (n - 2)))).all());
            // a value that fits no column, in the second chunk: the first chunk ran, nothing of the second did
            int badRow = per + Math.min(5, per - 1);
            List<Object[]> bad = new ArrayList<>();
            for (int i = 0; i < 2 * per; i++) bad.add(new Object[] {"b" + i, i == badRow ? (Object) "five" : (Object) (long) i, null});
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> c.insertRows(insert(s), cols, bad, s.ID));
            assertTrue(e.getMessage().contains("row " + badRow) && e.getMessage().contains("qty"), e.getMessage());
            long inserted = (Long) c.execute(select(count()).from(s).where(s.CODE.like("b%"))).scalar();
            assertTrue(inserted == per || features().insertFromArrays() && inserted == 0 || per == 1 && inserted == badRow,
                    inserted + " rows of the failed call are in the table (statements before the bad row's run)");
            // a row of the wrong length in the second chunk of the aligned layout
            int shortAt = per + Math.min(1, per - 1);
            List<Object[]> shortRow = new ArrayList<>();
            for (int i = 0; i < 2 * per; i++) shortRow.add(i == shortAt ? new Object[] {"s" + i, 1L} : new Object[] {"s" + i, 1L, null});
            e = assertThrows(IllegalArgumentException.class, () -> c.insertRows(insert(s), cols, shortRow));
            assertTrue(e.getMessage().contains("row " + shortAt) && e.getMessage().contains("[code, qty, note]"), e.getMessage());
        }
    }

    /**
     * A RowsInsert is planned once and run on one list of rows after another, as an ORM flushing a
     * statement's worth at a time does: the same SQL every time, nothing compiled or looked up in the
     * statement cache after the first list, and the keys of each list in its row order.
     */
    @Test
    void rowsInsertRunsOnListAfterList() {
        Stock s = stock();
        Column<?>[] cols = {s.CODE, s.QTY};
        try (Connection c = engine().connect()) {
            RowsInsert ins = c.rowsInsert(insert(s), cols, new int[] {1, 0}, s.ID); // qty first in each row, then code
            int per = ins.rowsPerStatement();
            assertEquals(c.rowsInsert(insert(s), cols, null, s.ID).rowsPerStatement(), per);
            List<Object[]> first = new ArrayList<>();
            for (int i = 0; i < per; i++) first.add(new Object[] {(long) i, "l" + i});
            assertEquals(per, ins.keys(first).length);
            // the second list may go another way than the first (SQLite learns keys from the last
            // rowid once the first statement holds the table's write lock); from then on it is settled
            List<Object> keys = new ArrayList<>();
            List<String> sentSecond = new ArrayList<>(), sentLater = new ArrayList<>();
            Engine.CacheStats before = null;
            for (int round = 1; round <= 3; round++) {
                List<Object[]> rows = new ArrayList<>();
                for (int i = 0; i < per; i++) rows.add(new Object[] {(long) (round * per + i), "l" + (round * per + i)});
                if (round == 2) before = engine().cacheStats();
                (round == 1 ? sentSecond : sentLater).addAll(statementsDuring(() -> keys.addAll(List.of(ins.keys(rows)))));
            }
            assertEquals(before.hits() + before.misses(), engine().cacheStats().hits() + engine().cacheStats().misses(),
                    "later lists reuse the planned statement: nothing compiled or looked up");
            if (!features().insertFromArrays()) assertEquals(Set.copyOf(sentSecond), Set.copyOf(sentLater), "the same SQL for every list");
            assertEquals(3 * per, keys.size());
            Map<Long, String> codes = codesById(c, s);
            if (keysInRowOrder()) for (int i = 0; i < keys.size(); i++) assertEquals("l" + (per + i), codes.get((Long) keys.get(i)), "key " + i);
            assertEquals(4 * per, codes.size());
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> c.rowsInsert(insert(s), cols, null).keys(List.<Object[]>of(new Object[] {"x", 1L})));
            assertTrue(e.getMessage().contains("exactly one returning column"), e.getMessage());
            c.commit();
        }
    }

    /** insertRows never writes into the caller's arrays, also when a value is widened (Integer into BIGINT). */
    @Test
    void insertRowsLeavesTheCallersArraysAlone() {
        Stock s = stock();
        Column<?>[] cols = {s.CODE, s.QTY, s.NOTE};
        List<Object[]> rows = List.of(new Object[] {"a", 1, "n1"}, new Object[] {"b", 2L, "n2"}, new Object[] {"c", (short) 3, null});
        List<Object[]> again = List.of(new Object[] {"d", 4, "n4"}, new Object[] {"e", 5L, "n5"}, new Object[] {"f", 6, "n6"});
        List<Object[]> before = rows.stream().map(Object[]::clone).toList();
        List<Object[]> beforeAgain = again.stream().map(Object[]::clone).toList();
        try (Connection c = engine().connect()) {
            c.insertRows(insert(s), cols, rows, s.ID);
            c.insertRows(insert(s), cols, again, s.ID); // the binder kept for this shape
            for (int i = 0; i < rows.size(); i++)
                for (int f = 0; f < cols.length; f++) {
                    assertSame(before.get(i)[f], rows.get(i)[f], "row " + i + " field " + f + " is still the caller's object");
                    assertSame(beforeAgain.get(i)[f], again.get(i)[f], "second call: row " + i + " field " + f + " is still the caller's object");
                }
            assertEquals(List.of(Tuple.of("a", 1L), Tuple.of("b", 2L), Tuple.of("c", 3L), Tuple.of("d", 4L), Tuple.of("e", 5L), Tuple.of("f", 6L)),
                    c.execute(select(s.CODE, s.QTY).orderBy(s.CODE)).all());
        }
    }

    /**
     * A second call with the same shape (table, columns, returned columns, rows per statement) runs
     * the same SQL through the binder the engine kept: no statement is built, so the statement cache
     * is not even consulted. Another row count is another shape.
     */
    @Test
    void insertRowsReusesTheBinderOfARepeatedShape() {
        Stock s = stock();
        Column<?>[] cols = {s.CODE, s.QTY};
        try (Connection c = engine().connect()) {
            List<String> first = statementsDuring(() -> c.insertRows(insert(s), cols, List.of(new Object[] {"a", 1L}, new Object[] {"b", 2L}), s.ID));
            Engine.CacheStats before = engine().cacheStats();
            List<Object[]> keys = new ArrayList<>();
            List<String> second = statementsDuring(() -> keys.addAll(c.insertRows(insert(s), cols, List.of(new Object[] {"c", 3L}, new Object[] {"d", 4L}), s.ID)));
            Engine.CacheStats after = engine().cacheStats();
            assertEquals(first, second, "the same SQL");
            assertEquals(before.hits() + before.misses(), after.hits() + after.misses(), "the kept binder serves the repeated shape, no statement is compiled or looked up");
            assertEquals(2, keys.size());
            List<String> third = statementsDuring(() -> c.insertRows(insert(s), cols, List.of(new Object[] {"e", 5L}, new Object[] {"f", 6L}, new Object[] {"g", 7L}), s.ID));
            // a few rows go as VALUES on every database (PostgreSQL's column arrays start at 8 rows: PostgresOrderedInsertTest)
            if (features().supportsReturning() || features().multiRowGeneratedKeys())
                assertNotEquals(first.get(0), third.get(0), "three rows per statement are another shape");
            assertEquals(List.of("a", "b", "c", "d", "e", "f", "g"), c.execute(select(s.CODE).orderBy(s.CODE)).all().stream().map(t -> t._1).toList());
            assertEquals(28L, c.execute(select(sum(s.QTY)).from(s)).one()._1);
        }
    }

    /** No rows: an empty result and no statement, whatever is asked to be returned. */
    @Test
    void insertRowsOfNothingRunsNothing() {
        Stock s = stock();
        try (Connection c = engine().connect()) {
            List<String> sent = statementsDuring(() -> {
                assertEquals(List.of(), c.insertRows(insert(s), new Column<?>[] {s.CODE}, List.of()));
                assertEquals(List.of(), c.insertRows(insert(s), new Column<?>[] {s.CODE}, List.of(), s.ID));
            });
            assertEquals(List.of(), sent);
        }
    }

    /**
     * An ON CONFLICT clause is part of the statement: a plain insert, DO NOTHING and DO UPDATE on the
     * same shape each run their own SQL, in any order, and the plain one still fails on a duplicate.
     */
    @Test
    void insertRowsWithAnUpsertClause() {
        Stock s = stock();
        Column<?>[] cols = {s.CODE, s.QTY};
        try (Connection c = engine().connect()) {
            List<String> plain = statementsDuring(() -> c.insertRows(insert(s), cols, List.of(new Object[] {"k1", 1L}, new Object[] {"k2", 2L})));
            List<String> nothing = statementsDuring(() -> c.insertRows(insert(s).onConflict(s.CODE).doNothing(), cols,
                    List.of(new Object[] {"k1", 10L}, new Object[] {"k3", 3L})));
            assertEquals(Map.of("k1", 1L, "k2", 2L, "k3", 3L), qtyByCode(c, s), "DO NOTHING keeps k1");
            List<String> update = statementsDuring(() -> c.insertRows(insert(s).onConflict(s.CODE).doUpdate(s.QTY), cols,
                    List.of(new Object[] {"k1", 100L}, new Object[] {"k4", 4L})));
            assertEquals(Map.of("k1", 100L, "k2", 2L, "k3", 3L, "k4", 4L), qtyByCode(c, s), "DO UPDATE overwrites k1");
            statementsDuring(() -> c.insertRows(insert(s).onConflict(s.CODE).doNothing(), cols,
                    List.of(new Object[] {"k1", 7L}, new Object[] {"k5", 5L})));
            assertEquals(Map.of("k1", 100L, "k2", 2L, "k3", 3L, "k4", 4L, "k5", 5L), qtyByCode(c, s), "DO NOTHING again, after DO UPDATE");
            assertEquals(3, Set.of(plain.get(0), nothing.get(0), update.get(0)).size(), "three statements: " + plain + nothing + update);
            c.commit();
            assertThrows(IntegrityError.class, () -> c.insertRows(insert(s), cols, List.of(new Object[] {"k2", 20L}, new Object[] {"k6", 6L})),
                    "the plain insert of a shape an upsert also used still fails on a duplicate");
        }
    }

    private Map<String, Long> qtyByCode(Connection c, Stock s) {
        Map<String, Long> out = new HashMap<>();
        for (Tuple2<String, Long> r : c.execute(select(s.CODE, s.QTY)).all()) out.put(r._1, r._2);
        return out;
    }
}
