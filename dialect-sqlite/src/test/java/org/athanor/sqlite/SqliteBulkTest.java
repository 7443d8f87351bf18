package org.athanor.sqlite;

import static org.athanor.core.sql.Sql.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.athanor.core.compile.CompiledStatement;
import org.athanor.core.engine.Connection;
import org.athanor.core.engine.Engine;
import org.athanor.core.error.CompileError;
import org.athanor.core.schema.Column;
import org.athanor.core.schema.MetaData;
import org.athanor.core.schema.Table;
import org.athanor.core.type.SqlTypes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Expanding IN (bucketed cache forms, lists beyond the bind-parameter limit) and executemany in bounded memory. */
class SqliteBulkTest {
    static final Table ITEMS = Table.of("items", Table.col("id", SqlTypes.BIGINT, Table.Options.primaryKey()),
            Table.col("label", SqlTypes.TEXT), Table.col("qty", SqlTypes.INTEGER));
    static final Column<Long> ID = ITEMS.column("id", Long.class);
    static final Column<String> LABEL = ITEMS.column("label", String.class);
    static final Column<Integer> QTY = ITEMS.column("qty", Integer.class);

    @TempDir java.nio.file.Path dir;
    Engine engine;
    Connection c;

    @BeforeEach
    void setUp() {
        engine = Engine.create("sqlite:///" + dir.resolve("bulk.db"));
        MetaData.of(ITEMS).createAll(engine);
        c = engine.connect();
    }

    @AfterEach
    void tearDown() {
        c.close();
        engine.close();
    }

    private void insertRows(int n) {
        List<Map<Column<?>, ?>> rows = new ArrayList<>(n);
        for (long i = 1; i <= n; i++) {
            Map<Column<?>, Object> m = new LinkedHashMap<>();
            m.put(ID, i);
            m.put(LABEL, "item " + i);
            m.put(QTY, (int) (i % 7));
            rows.add(m);
        }
        assertEquals(n, c.insertMany(insert(ITEMS), rows));
    }

    @Test
    void inListsShareOneCachedFormPerPowerOfTwo() {
        insertRows(100);
        CompiledStatement three = SqliteDialect.INSTANCE.compile(select(ID).where(ID.in(1L, 2L, 3L)));
        assertEquals("SELECT items.id FROM items WHERE items.id IN (?, ?, ?, ?)", three.sql());
        assertEquals(List.of(1L, 2L, 3L, 3L), three.parameters());
        engine.clearCache();
        for (int n = 1; n <= 100; n++) {
            List<Long> ids = new ArrayList<>();
            for (long i = 1; i <= n; i++) ids.add(i);
            assertEquals((long) n, (Long) c.execute(select(count()).from(ITEMS).where(ID.in(ids))).scalar());
        }
        // lengths 1, 2, 3-4, 5-8, ..., 65-128: eight shapes for a hundred lengths
        assertEquals(8, engine.cacheStats().size());
    }

    @Test
    void inListOfAHundredThousandValuesBeyondTheBindLimit() {
        insertRows(100_000);
        List<Long> ids = new ArrayList<>();
        for (long i = 2; i <= 200_000; i += 2) ids.add(i);   // 100,000 values, half of them present
        assertTrue(ids.size() > SqliteDialect.FEATURES.maxBindParams());
        int cached = engine.cacheStats().size();
        long found = c.execute(select(count()).from(ITEMS).where(ID.in(ids), QTY.ge(0))).scalar(Long.class);
        assertEquals(50_000L, found);
        long notFound = c.execute(select(count()).from(ITEMS).where(ID.notIn(ids))).scalar(Long.class);
        assertEquals(50_000L, notFound);
        assertEquals(cached, engine.cacheStats().size(), "a statement over the bind limit must not enter the cache");
        CompiledStatement cs = SqliteDialect.INSTANCE.compile(select(ID).where(ID.in(ids), QTY.ge(3)));
        // the values go out as one bound JSON array, never rendered into the SQL
        assertEquals("SELECT items.id FROM items WHERE items.id IN (SELECT value FROM json_each(?)) AND items.qty >= ?", cs.sql());
        assertEquals(2, cs.parameters().size());
        assertTrue(((String) cs.parameters().get(0)).startsWith("[2,4,6,"));
        assertEquals(3, cs.parameters().get(1));
    }

    @Test
    void listGivenAtExecutionOverTheBindLimitIsBoundAsOneParameter() {
        // wip-core's expanding bindParam meets wip-sec's over-the-limit lists: the list given in the map
        // goes out as one JSON array too, never inlined and never cached
        SqliteDialect tiny = new SqliteDialect(SqliteDialect.FEATURES.toBuilder().maxBindParams(4).build());
        org.sqlite.SQLiteDataSource ds = new org.sqlite.SQLiteDataSource();
        ds.setUrl("jdbc:sqlite:" + dir.resolve("tiny-named.db"));
        try (Engine e = Engine.of(ds, tiny); Connection t = e.connect()) {
            MetaData.of(ITEMS).createAll(e);
            for (long i = 1; i <= 3; i++) t.execute(insert(ITEMS).columns(ID, LABEL, QTY).values(i, i == 2 ? "it's" : "x" + i, (int) i));
            var q = select(ID).where(LABEL.in(bindParam("labels", SqlTypes.TEXT))).orderBy(ID);
            int cached = e.cacheStats().size();
            List<String> labels = List.of("it's", "x3", "nope", "--", "';DROP TABLE items;--");
            assertEquals(List.of(2L, 3L), t.execute(q, Map.of("labels", labels)).all().stream().map(r -> r._1).toList());
            assertEquals(cached, e.cacheStats().size(), "a statement over the bind limit must not enter the cache");
            var nq = select(ID).where(LABEL.notIn(bindParam("labels", SqlTypes.TEXT))).orderBy(ID);
            assertEquals(List.of(1L), t.execute(nq, Map.of("labels", labels)).all().stream().map(r -> r._1).toList());
            // under the limit the same statement expands to placeholders as before
            assertEquals(List.of(2L), t.execute(q, Map.of("labels", List.of("it's"))).all().stream().map(r -> r._1).toList());
        }
    }

    @Test
    void listsOverTheLimitAreBoundNotInlinedAndUnbindableOnesFailClearly() {
        SqliteDialect tiny = new SqliteDialect(SqliteDialect.FEATURES.toBuilder().maxBindParams(4).build());
        org.sqlite.SQLiteDataSource ds = new org.sqlite.SQLiteDataSource();
        ds.setUrl("jdbc:sqlite:" + dir.resolve("tiny.db"));
        try (Engine e = Engine.of(ds, tiny); Connection t = e.connect()) {
            MetaData.of(ITEMS).createAll(e);
            t.execute(insert(ITEMS).columns(ID, LABEL, QTY).values(1L, "it's", 1));
            t.execute(insert(ITEMS).columns(ID, LABEL, QTY).values(2L, "a\\b \"q\"\n", 2));
            t.execute(insert(ITEMS).columns(ID, LABEL, QTY).values(3L, "x", 3));
            var q = select(ID).where(LABEL.in("it's", "a\\b \"q\"\n", "nope", "--", "';DROP TABLE items;--")).orderBy(ID);
            CompiledStatement cs = tiny.compile(q);
            assertEquals("SELECT items.id FROM items WHERE items.label IN (SELECT value FROM json_each(?)) ORDER BY items.id", cs.sql());
            assertEquals(List.of("[\"it's\",\"a\\\\b \\\"q\\\"\\u000a\",\"nope\",\"--\",\"';DROP TABLE items;--\"]"), cs.parameters());
            assertEquals(List.of(1L, 2L), t.execute(q).all().stream().map(r -> r._1).toList());
            assertEquals(List.of(3L), t.execute(select(ID).where(LABEL.notIn("it's", "a\\b \"q\"\n", "nope", "--", "z"))).all()
                    .stream().map(r -> r._1).toList());
            var dates = select(ID).where(org.athanor.core.sql.Sql.param(java.time.LocalDate.of(2024, 1, 1)).in(
                    java.time.LocalDate.of(2024, 1, 1), java.time.LocalDate.of(2024, 1, 2), java.time.LocalDate.of(2024, 1, 3),
                    java.time.LocalDate.of(2024, 1, 4), java.time.LocalDate.of(2024, 1, 5)));
            CompileError err = assertThrows(CompileError.class, () -> t.execute(dates).all());
            assertTrue(err.getMessage().contains("LocalDate values cannot be bound as one JSON array"), err.getMessage());
            var tooMany = insert(ITEMS).columns(ID, LABEL, QTY).values(7L, "a", 1).values(8L, "b", 2);
            err = assertThrows(CompileError.class, () -> t.execute(tooMany));
            assertEquals("the statement needs 6 bind parameters but SQLite accepts at most 4; split it "
                    + "(Connection.insertMany and executeMany chunk rows for you)", err.getMessage());
            // insertMany splits rows at the limit: one row (3 parameters) per statement here
            List<Map<Column<?>, ?>> rows = new ArrayList<>();
            for (long i = 10; i < 20; i++) rows.add(Map.of(ID, i, LABEL, "r" + i, QTY, 1));
            assertEquals(10, t.insertMany(insert(ITEMS), rows));
            assertEquals(13L, (Long) t.execute(select(count()).from(ITEMS)).scalar());
        }
    }

    @Test
    void executeManyOfAHundredThousandRowsInBoundedMemory() {
        var template = insert(ITEMS).set(ID, bindParam("id", SqlTypes.BIGINT)).set(LABEL, bindParam("label", SqlTypes.TEXT))
                .set(QTY, bindParam("qty", SqlTypes.INTEGER));
        // parameter sets made on demand: nothing holds all 100,000 of them at once
        Iterable<Map<String, ?>> sets = () -> new Iterator<>() {
            long i = 0;
            @Override public boolean hasNext() { return i < 100_000; }
            @Override public Map<String, ?> next() {
                i++;
                Map<String, Object> m = new HashMap<>();
                m.put("id", i);
                m.put("label", "label number " + i + " with some padding to make rows bigger");
                m.put("qty", (int) (i % 5));
                return m;
            }
        };
        Runtime rt = Runtime.getRuntime();
        System.gc();
        long before = rt.totalMemory() - rt.freeMemory();
        long[] peak = {0};
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peak[0] = Math.max(peak[0], rt.totalMemory() - rt.freeMemory() - before);
                try { Thread.sleep(2); } catch (InterruptedException e) { return; }
            }
        });
        sampler.setDaemon(true);
        sampler.start();
        long n = c.executeMany(template, sets);
        sampler.interrupt();
        c.commit();
        assertEquals(100_000L, n);
        assertEquals(100_000L, (Long) c.execute(select(count()).from(ITEMS)).scalar());
        assertEquals(40_000L, (Long) c.execute(select(count()).from(ITEMS).where(QTY.lt(2))).scalar());
        // 100,000 rows of ~60 characters are ~30 MB as Java maps; a bounded run stays well under that
        // (garbage between collections included)
        assertTrue(peak[0] < 256L * 1024 * 1024, "memory grew by " + peak[0] / (1024 * 1024) + " MB");
    }

    @Test
    void insertManyChunksAHundredThousandRowsUnderTheLimit() {
        insertRows(100_000);
        assertEquals(100_000L, (Long) c.execute(select(count()).from(ITEMS)).scalar());
        assertEquals(IntStream.rangeClosed(1, 100_000).mapToLong(i -> i).sum(), ((Number) c.execute(select(sum(ID))).one()._1).longValue());
    }
}
