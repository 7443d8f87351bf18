package org.athanor.sqlite;

import static org.athanor.core.fixtures.Users.USERS;
import static org.athanor.core.sql.Sql.*;
import static org.junit.jupiter.api.Assertions.*;

import io.vavr.Tuple2;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.athanor.core.compile.CompiledStatement;
import org.athanor.core.engine.Connection;
import org.athanor.core.engine.Engine;
import org.athanor.core.schema.Column;
import org.athanor.core.schema.MetaData;
import org.athanor.core.sql.Insert;
import org.junit.jupiter.api.Test;

/** The bulk {@code Insert.values(List)} path and {@code Engine.compile} through the statement cache. */
class InsertManyAndEngineCompileTest {
    private static List<Map<Column<?>, Object>> rows(int n) {
        List<Map<Column<?>, Object>> out = new ArrayList<>();
        for (int i = 0; i < n; i++) out.add(Insert.row(USERS.NAME, "u" + i, USERS.AGE, i));
        return out;
    }

    @Test
    void valuesOfManyMapsRendersOneRowPerMapInOrder() {
        CompiledStatement c = SqliteDialect.INSTANCE.compile(insert(USERS).values(rows(3)));
        assertEquals("INSERT INTO users (name, age) VALUES (?, ?), (?, ?), (?, ?)", c.sql());
        assertEquals(List.of("u0", 0, "u1", 1, "u2", 2), c.parameters());
    }

    @Test
    void valuesOfManyMapsAppendsToRowsAlreadyGiven() {
        Insert first = insert(USERS).values(Insert.row(USERS.NAME, "a", USERS.AGE, 1));
        CompiledStatement c = SqliteDialect.INSTANCE.compile(first.values(rows(2)));
        assertEquals(List.of("a", 1, "u0", 0, "u1", 1), c.parameters());
        assertEquals(1, first.rows().size(), "the original statement is unchanged");
    }

    @Test
    void valuesOfManyMapsRejectsARowWithOtherColumns() {
        List<Map<Column<?>, Object>> bad = rows(2);
        bad.add(Insert.row(USERS.NAME, "x", USERS.EMAIL, "x@example.com"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> insert(USERS).values(bad));
        assertTrue(e.getMessage().contains("must name the same columns [name, age]"), e.getMessage());
    }

    /**
     * SQLite's multi-row INSERTs aim at about 500 values per statement (its programs grow with the
     * rows; docs/benchmarks.md): rows per statement follow the column count, within 1 and 1,000,
     * and the rows of a large insert are all written. A dialect without such an aim keeps 1,000.
     */
    @Test
    void rowsPerStatementFollowTheColumnCount() {
        assertEquals(500, SqliteDialect.INSTANCE.features().insertParamsPerStatement());
        try (Engine engine = Engine.create("sqlite://")) {
            MetaData.of(USERS).createAll(engine);
            try (Connection c = engine.connect()) {
                assertEquals(500, c.rowsInsert(insert(USERS), new Column<?>[] {USERS.NAME}, null).rowsPerStatement());
                assertEquals(250, c.rowsInsert(insert(USERS), new Column<?>[] {USERS.NAME, USERS.AGE}, null, USERS.ID).rowsPerStatement());
                assertEquals(166, c.rowsInsert(insert(USERS), new Column<?>[] {USERS.NAME, USERS.AGE, USERS.EMAIL}, null, USERS.ID).rowsPerStatement());
                List<String> sql = new ArrayList<>();
                engine.addStatementListener(sql::add);
                assertEquals(1001, c.insertRows(insert(USERS), new Column<?>[] {USERS.NAME, USERS.AGE},
                        java.util.stream.IntStream.range(0, 1001).mapToObj(i -> new Object[] {"r" + i, i}).toList(), USERS.ID).size());
                List<String> inserts = sql.stream().filter(q -> q.startsWith("INSERT")).toList();
                assertEquals(5, inserts.size(), "250 + 250 + 250 + 250 + 1 rows: " + inserts.size() + " statements");
                assertEquals(1001L, (Long) c.execute(select(count()).from(USERS)).scalar());
            }
        }
        var plain = org.athanor.core.compile.DialectFeatures.builder().maxBindParams(32766).build();
        assertEquals(0, plain.insertParamsPerStatement(), "no aim unless a dialect sets one");
    }

    @Test
    void insertManyWritesEveryRow() {
        try (Engine engine = Engine.create("sqlite://")) {
            MetaData.of(USERS).createAll(engine);
            try (Connection c = engine.connect()) {
                assertEquals(2500, c.insertMany(insert(USERS), rows(2500)));
                assertEquals(2500L, (Long) c.execute(select(count()).from(USERS)).scalar());
                List<Tuple2<String, Integer>> last = c.execute(select(USERS.NAME, USERS.AGE).where(USERS.AGE.eq(2499))).all();
                assertEquals(List.of(new Tuple2<>("u2499", 2499)), last);
            }
        }
    }

    @Test
    void engineCompileUsesTheCacheAndBindsTheNewValues() {
        try (Engine engine = Engine.create("sqlite://")) {
            CompiledStatement a = engine.compile(select(USERS.NAME).where(USERS.AGE.gt(30)));
            CompiledStatement b = engine.compile(select(USERS.NAME).where(USERS.AGE.gt(40)));
            assertEquals("SELECT users.name FROM users WHERE users.age > ?", b.sql());
            assertSame(a.template(), b.template(), "the second compile of the same shape comes from the cache");
            assertEquals(List.of(40), b.parameters());
            assertEquals(new Engine.CacheStats(1, 1, 1), engine.cacheStats());
        }
    }
}
