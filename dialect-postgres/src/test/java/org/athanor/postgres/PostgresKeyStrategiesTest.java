package org.athanor.postgres;

import static org.athanor.core.sql.Sql.*;
import static org.athanor.core.type.SqlTypes.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.athanor.core.engine.Connection;
import org.athanor.core.engine.Engine;
import org.athanor.core.engine.RowsInsert;
import org.athanor.core.schema.Column;
import org.athanor.core.schema.MetaData;
import org.athanor.core.schema.Table;
import org.athanor.core.testing.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL's key strategies with their exact SQL: column arrays from {@link PostgresKeys#ARRAYS_FROM}
 * rows, the ordered VALUES form below (one path choosing by size), and sentinel matching for a generated
 * value that is not an identity key.
 */
class PostgresKeyStrategiesTest {
    static final class Items extends Table {
        final Column<Long> ID = column("id", BIGINT, primaryKey(), autoincrement());
        final Column<String> CODE = column("code", varchar(40));
        final Column<Long> QTY = column("qty", BIGINT);
        /** A value the server makes up for each row, with no order to it: only a sentinel can say whose it is. */
        final Column<Double> LUCK = column("luck", DOUBLE, serverDefault("random()"));
        Items(String name) { super(name); }
    }

    private static Engine engine;
    private static Items T;
    private static MetaData md;

    @BeforeAll
    static void setUp() {
        engine = TestDatabases.postgres();
        T = new Items(TestDatabases.uniqueName("pg_keys"));
        md = MetaData.of(T);
        md.createAll(engine);
    }

    @AfterAll
    static void tearDown() { TestDatabases.dropAndClose(engine, md); }

    private static List<Object[]> rows(String tag, int n, boolean distinct) {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) rows.add(new Object[] {distinct ? tag + i : tag, distinct ? (long) i : 1L});
        return rows;
    }

    private static List<String> sent(Runnable r) {
        List<String> seen = new CopyOnWriteArrayList<>();
        org.athanor.core.engine.StatementListener l = seen::add;
        engine.addStatementListener(l);
        try {
            r.run();
        } finally {
            engine.removeStatementListener(l);
        }
        return seen;
    }

    @Test
    void columnArraysFromEightRowsTheOrderedValuesFormBelow() {
        Column<?>[] cols = {T.CODE, T.QTY};
        String values1 = "INSERT INTO " + T.name() + " (code, qty) VALUES (?, ?) RETURNING id";
        String values2 = "INSERT INTO " + T.name() + " (code, qty) SELECT p0, p1 FROM (VALUES (CAST(? AS VARCHAR), CAST(? AS BIGINT), 0),"
                + " (CAST(? AS VARCHAR), CAST(? AS BIGINT), 1)) AS athanor_rows (p0, p1, n) ORDER BY n RETURNING id";
        String arrays = "INSERT INTO " + T.name() + " (code, qty) SELECT p0, p1 FROM unnest(CAST(? AS VARCHAR[]), CAST(? AS BIGINT[]))"
                + " WITH ORDINALITY AS athanor_rows (p0, p1, n) ORDER BY n RETURNING id";
        try (Connection c = engine.connect()) {
            RowsInsert ins = c.rowsInsert(insert(T), cols, null, T.ID);
            assertEquals("column arrays, sorted RETURNING", ins.keyStrategy());
            assertEquals(List.of(values1), sent(() -> ins.keys(rows("a", 1, true))));
            assertEquals(List.of(values2), sent(() -> ins.keys(rows("b", 2, true))));
            assertEquals(List.of(arrays), sent(() -> ins.keys(rows("c", PostgresKeys.ARRAYS_FROM, true))));
            assertEquals(List.of(arrays), sent(() -> ins.keys(rows("d", 900, true))));
            // nothing returned: the plain forms
            assertEquals(List.of("INSERT INTO " + T.name() + " (code, qty) VALUES (?, ?), (?, ?)"), sent(() -> c.insertRows(insert(T), cols, rows("e", 2, true))));
            assertEquals(List.of(arrays.replace(" RETURNING id", "")), sent(() -> c.insertRows(insert(T), cols, rows("f", 20, true))));
            c.rollback();
        }
    }

    @Test
    void anOverlongStringInAColumnArrayIsRejectedNotCutShort() {
        List<Object[]> rows = rows("ok", 10, true);
        rows.set(4, new Object[] {"x".repeat(41), 1L}); // VARCHAR(40)
        try (Connection c = engine.connect()) {
            List<String> seen = new ArrayList<>();
            assertThrows(org.athanor.core.error.DatabaseError.class, () -> seen.addAll(sent(() -> c.insertRows(insert(T), new Column<?>[] {T.CODE, T.QTY}, rows, T.ID))));
            c.rollback();
            assertEquals(0L, c.execute(select(count()).from(T).where(T.CODE.like("xxxxxxxx%"))).one()._1);
        }
    }

    @Test
    void aGeneratedValueThatIsNoIdentityIsMatchedThroughASentinel() {
        Column<?>[] cols = {T.CODE, T.QTY};
        try (Connection c = engine.connect()) {
            RowsInsert ins = c.rowsInsert(insert(T), cols, null, T.LUCK);
            assertEquals("sentinel matching", ins.keyStrategy());
            for (int n : new int[] {1, 5, 300}) {
                List<Object[]> rows = rows("s" + n + "-", n, true);
                List<String> seen = sent(() -> {
                    Object[] luck = ins.keys(rows);
                    Map<String, Double> stored = new HashMap<>();
                    for (var r : c.execute(select(T.CODE, T.LUCK).where(T.CODE.like("s" + n + "-%"))).all()) stored.put(r._1, r._2);
                    for (int i = 0; i < n; i++) assertEquals(stored.get((String) rows.get(i)[0]), luck[i], "row " + i + " of " + n);
                });
                if (n > 1) assertTrue(seen.get(0).endsWith("RETURNING luck, code"), seen.get(0));
            }
            // rows that no column tells apart go one by one
            List<String> seen = sent(() -> assertEquals(3, ins.keys(rows("same", 3, false)).length));
            assertEquals(3, seen.stream().filter(s -> s.startsWith("INSERT")).count(), seen.toString());
            assertTrue(seen.get(0).endsWith("VALUES (?, ?) RETURNING luck"), seen.get(0));
            c.rollback();
        }
    }
}
