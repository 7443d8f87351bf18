package org.athanor.postgres;

import static org.athanor.core.sql.Sql.*;
import static org.athanor.core.type.SqlTypes.*;
import static org.junit.jupiter.api.Assertions.*;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.athanor.core.engine.Connection;
import org.athanor.core.engine.Engine;
import org.athanor.core.schema.Column;
import org.athanor.core.schema.MetaData;
import org.athanor.core.schema.Table;
import org.athanor.core.sql.Row;
import org.athanor.core.testing.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Insert.inRowOrder() / columnArrays() and what insertRows builds on them: PostgreSQL does not
 * promise RETURNING order for a VALUES list, so an insert returning just the identity key is
 * rendered as an ordered INSERT ... SELECT (from one array per column where the column types allow,
 * else from a VALUES list) and the keys are sorted, which gives them in row order.
 */
class PostgresOrderedInsertTest {
    static final class Notes extends Table {
        final Column<Long> ID = column("id", BIGINT, primaryKey(), autoincrement());
        final Column<String> TEXT = column("text", varchar(40));
        final Column<Integer> N = column("n", INTEGER);
        final Column<LocalDate> DAY = column("day", DATE);
        Notes(String name) { super(name); }
    }

    private static Engine engine;
    private static Notes T;
    private static MetaData md;

    @BeforeAll
    static void setUp() {
        engine = TestDatabases.postgres();
        T = new Notes(TestDatabases.uniqueName("pg_notes"));
        md = MetaData.of(T);
        md.createAll(engine);
    }

    @AfterAll
    static void tearDown() { TestDatabases.dropAndClose(engine, md); }

    @Test
    void theOrderedFormCastsEachValueAndOrdersByTheRowNumber() {
        var ins = insert(T).columns(T.TEXT, T.N).valuesMany(List.of(new Object[] {"a", 1}, new Object[] {"b", null})).inRowOrder()
                .returning(T.ID);
        String sql = PostgresDialect.INSTANCE.compile(ins).sql();
        assertEquals("INSERT INTO " + T.name() + " (text, n) SELECT p0, p1 FROM (VALUES (CAST(? AS VARCHAR), CAST(? AS INTEGER), 0),"
                + " (CAST(? AS VARCHAR), CAST(? AS INTEGER), 1)) AS athanor_rows (p0, p1, n) ORDER BY n RETURNING id", sql);
        // one row, or no ordering asked for: a plain VALUES list
        assertTrue(PostgresDialect.INSTANCE.compile(insert(T).columns(T.TEXT).values("x").inRowOrder()).sql().contains("VALUES (?)"));
        assertTrue(PostgresDialect.INSTANCE.compile(insert(T).columns(T.TEXT).valuesMany(List.of(new Object[] {"x"}, new Object[] {"y"})))
                .sql().contains("VALUES (?), (?)"));
    }

    @Test
    void insertRowsReturnsIdentityKeysInRowOrder() {
        List<String> seen = new CopyOnWriteArrayList<>();
        org.athanor.core.engine.StatementListener listener = seen::add;
        engine.addStatementListener(listener);
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < 2500; i++) rows.add(new Object[] {"row " + i, i % 7 == 0 ? null : i, i % 5 == 0 ? null : LocalDate.of(2020, 1, 1).plusDays(i)});
        List<Object[]> keys;
        try (Connection c = engine.connect()) {
            keys = c.insertRows(insert(T), new Column<?>[] {T.TEXT, T.N, T.DAY}, rows, T.ID);
            c.commit();
        } finally {
            engine.removeStatementListener(listener);
        }
        assertEquals(2500, keys.size());
        assertTrue(seen.stream().anyMatch(s -> s.contains("ORDER BY n RETURNING")), seen.toString());
        assertKeysInRowOrder(rows, keys);
    }

    /** The committed rows of {@code table} by their id. */
    private static Map<Long, Row> rowsById(Table table) {
        Map<Long, Row> byId = new HashMap<>();
        try (Connection c = engine.connect()) {
            for (Row r : c.execute(selectFrom(table)).all()) byId.put(((Number) r.get("id")).longValue(), r);
        }
        return byId;
    }

    /** Each key of {@code keys} names the row made from the same position of {@code rows} (text, n). */
    private static void assertKeysInRowOrder(List<Object[]> rows, List<Object[]> keys) {
        Map<Long, Row> byId = rowsById(T);
        for (int i = 0; i < rows.size(); i++) {
            Row r = byId.get((Long) keys.get(i)[0]);
            assertNotNull(r, "key " + i);
            assertEquals(rows.get(i)[0], r.get("text"), "row " + i + " got the key of another row");
            assertEquals(rows.get(i)[1], r.get("n") == null ? null : ((Number) r.get("n")).intValue());
        }
    }

    @Test
    void columnArraysReadOneArrayPerColumnInOrder() {
        var ins = insert(T).columns(T.TEXT, T.N).values(null, null).columnArrays().returning(T.ID);
        assertEquals("INSERT INTO " + T.name() + " (text, n) SELECT p0, p1 FROM unnest(CAST(? AS VARCHAR[]), CAST(? AS INTEGER[]))"
                + " WITH ORDINALITY AS athanor_rows (p0, p1, n) ORDER BY n RETURNING id", PostgresDialect.INSTANCE.compile(ins).sql());
        assertThrows(IllegalStateException.class, () -> insert(T).columns(T.TEXT).valuesMany(List.of(new Object[] {"a"}, new Object[] {"b"})).columnArrays());
    }

    private static List<String> insertRowsSeeing(Column<?>[] columns, List<Object[]> rows, List<Object[]> keysOut) {
        List<String> seen = new CopyOnWriteArrayList<>();
        org.athanor.core.engine.StatementListener listener = seen::add;
        engine.addStatementListener(listener);
        try (Connection c = engine.connect()) {
            keysOut.addAll(c.insertRows(insert(T), columns, rows, T.ID));
            c.commit();
        } finally {
            engine.removeStatementListener(listener);
        }
        return seen;
    }

    @Test
    void insertRowsBindsColumnArraysWhereEveryTypeAllowsAndKeepsKeysInRowOrder() {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < 2500; i++) rows.add(new Object[] {i % 11 == 0 ? null : "row " + i, i % 7 == 0 ? null : i});
        List<Object[]> keys = new ArrayList<>();
        List<String> seen = insertRowsSeeing(new Column<?>[] {T.TEXT, T.N}, rows, keys);
        assertTrue(seen.stream().allMatch(s -> s.contains("unnest(")), seen.toString());
        assertEquals(1, seen.stream().distinct().count(), "one SQL text for every chunk, the last one shorter included");
        assertEquals(2500, keys.size());
        assertKeysInRowOrder(rows, keys);
        // a DATE column is bound value by value: the VALUES form
        List<String> dated = insertRowsSeeing(new Column<?>[] {T.TEXT, T.DAY}, List.of(new Object[] {"d1", LocalDate.of(2024, 2, 29)},
                new Object[] {"d2", null}), new ArrayList<>());
        assertTrue(dated.stream().noneMatch(s -> s.contains("unnest(")) && dated.stream().anyMatch(s -> s.contains("VALUES")), dated.toString());
    }

    @Test
    void anOverlongStringIsRejectedNotCutShortByEitherOrderedForm() {
        String tooLong = "x".repeat(41); // the column is VARCHAR(40)
        for (Column<?>[] cols : List.of(new Column<?>[] {T.TEXT, T.N}, new Column<?>[] {T.TEXT, T.DAY})) {
            List<Object[]> rows = List.of(new Object[] {"fine", null}, new Object[] {tooLong, null});
            try (Connection c = engine.connect()) {
                assertThrows(org.athanor.core.error.DatabaseError.class, () -> c.insertRows(insert(T), cols, rows, T.ID),
                        "41 characters into VARCHAR(40) through " + List.of(cols));
            }
        }
        try (Connection c = engine.connect()) {
            assertEquals(0, c.execute(select(T.ID).where(T.TEXT.eq(tooLong.substring(0, 40)))).all().size(), "nothing truncated was stored");
        }
    }

    static final class AllTypes extends Table {
        final Column<Long> ID = column("id", BIGINT, primaryKey(), autoincrement());
        final Column<Short> S = column("s", SMALLINT);
        final Column<Integer> I = column("i", INTEGER);
        final Column<Long> L = column("l", BIGINT);
        final Column<Boolean> B = column("b", BOOLEAN);
        final Column<String> V = column("v", varchar(100));
        final Column<String> X = column("x", TEXT);
        final Column<Float> F = column("f", REAL);
        final Column<Double> D = column("d", DOUBLE);
        final Column<java.math.BigDecimal> N = column("n", numeric(12, 3));
        final Column<java.util.UUID> U = column("u", UUID);
        AllTypes(String name) { super(name); }
    }

    @Test
    void everyTypeBoundAsAnArrayElementComesBackUnchanged() {
        AllTypes A = new AllTypes(TestDatabases.uniqueName("pg_arrays"));
        MetaData m = MetaData.of(A);
        m.createAll(engine);
        try {
            String[] texts = {"", "NULL", "null", "a,b", "{braces}", "\"quoted\"", "back\\slash", "tab\tand\nnewline", "ünïcødé ✓", " padded ", "'single'"};
            List<Object[]> rows = new ArrayList<>();
            for (int i = 0; i < texts.length + 3; i++) {
                boolean nul = i >= texts.length;
                rows.add(nul ? new Object[11] : new Object[] {null, (short) (i - 5), i * 1000 - 3, Long.MAX_VALUE - i, i % 2 == 0, texts[i], texts[texts.length - 1 - i],
                        i == 0 ? Float.NaN : 1.5f * i, i == 1 ? Double.POSITIVE_INFINITY : i == 2 ? -0.25 : 1e300 / (i + 1),
                        new java.math.BigDecimal("123456789.12" + i), java.util.UUID.nameUUIDFromBytes(texts[i].getBytes())});
            }
            Column<?>[] cols = {A.S, A.I, A.L, A.B, A.V, A.X, A.F, A.D, A.N, A.U};
            int[] positions = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
            List<String> seen = new CopyOnWriteArrayList<>();
            org.athanor.core.engine.StatementListener listener = seen::add;
            engine.addStatementListener(listener);
            Object[] keys;
            try (Connection c = engine.connect()) {
                keys = c.rowsInsert(insert(A), cols, positions, A.ID).keys(rows);
                c.commit();
            } finally {
                engine.removeStatementListener(listener);
            }
            assertTrue(seen.stream().anyMatch(s -> s.contains("unnest(")), seen.toString());
            Map<Long, Row> byId = rowsById(A);
            for (int i = 0; i < rows.size(); i++) {
                Row r = byId.get((Long) keys[i]);
                for (int k = 0; k < cols.length; k++) {
                    Object want = rows.get(i)[positions[k]], got = r.get(k + 1);
                    if (want instanceof java.math.BigDecimal bd) assertEquals(0, bd.compareTo((java.math.BigDecimal) got), cols[k] + " row " + i);
                    else assertEquals(want, got, cols[k] + " row " + i);
                }
            }
        } finally {
            m.dropAll(engine);
        }
    }
}
