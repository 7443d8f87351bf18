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
 * Insert.inRowOrder() and what insertRows builds on it: PostgreSQL does not promise RETURNING order
 * for a VALUES list, so an insert returning just the identity key is rendered as an ordered
 * INSERT ... SELECT and the keys are sorted, which gives them in row order.
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
        assertEquals("INSERT INTO " + T.name() + " (text, n) SELECT p0, p1 FROM (VALUES (CAST(? AS VARCHAR(40)), CAST(? AS INTEGER), 0),"
                + " (CAST(? AS VARCHAR(40)), CAST(? AS INTEGER), 1)) AS athanor_rows (p0, p1, n) ORDER BY n RETURNING id", sql);
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
        Map<Long, Row> byId = new HashMap<>();
        try (Connection c = engine.connect()) {
            for (Row r : c.execute(selectFrom(T)).all()) byId.put(((Number) r.get("id")).longValue(), r);
        }
        for (int i = 0; i < rows.size(); i++) {
            Row r = byId.get((Long) keys.get(i)[0]);
            assertNotNull(r, "key " + i);
            assertEquals(rows.get(i)[0], r.get("text"), "row " + i + " got the key of another row");
            assertEquals(rows.get(i)[1], r.get("n") == null ? null : ((Number) r.get("n")).intValue());
        }
    }
}
