package org.athanor.sqlite;

import static org.athanor.core.sql.Sql.*;
import static org.athanor.core.type.SqlTypes.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.athanor.core.engine.Connection;
import org.athanor.core.engine.Engine;
import org.athanor.core.engine.RowsInsert;
import org.athanor.core.schema.Column;
import org.athanor.core.schema.MetaData;
import org.athanor.core.schema.Table;
import org.junit.jupiter.api.Test;

/**
 * A bulk insert returning SQLite's generated keys learns them from the last rowid once its first
 * statement has run (no RETURNING: see {@code SqliteConsecutiveKeys}), and keeps RETURNING where the
 * rows might not get consecutive keys: a trigger, a REPLACE clause, keys near the largest rowid.
 * Every test checks each key against the row it was returned for.
 */
class ConsecutiveKeysTest {
    static final class Items extends Table {
        final Column<Long> ID = column("id", BIGINT, primaryKey(), autoincrement());
        final Column<String> CODE = column("code", varchar(30), notNull());
        final Column<Long> QTY = column("qty", BIGINT);

        Items(String name) { super(name); }
    }

    private static List<Object[]> rows(int n, String prefix) {
        List<Object[]> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) out.add(new Object[] {prefix + i, (long) i});
        return out;
    }

    /** Runs {@code work} and returns the SQL it sent. */
    private static List<String> sentDuring(Engine engine, Runnable work) {
        List<String> seen = new CopyOnWriteArrayList<>();
        engine.addStatementListener(seen::add);
        try {
            work.run();
        } finally {
            engine.removeStatementListener(seen::add);
        }
        return seen;
    }

    /** Asserts that key i is the id of the row whose code is {@code rows.get(i)[0]}, and that the keys are distinct. */
    private static void assertKeysMatch(Connection c, Items t, List<Object[]> rows, Object[] keys) {
        assertEquals(rows.size(), keys.length);
        Map<Long, String> codes = new HashMap<>();
        for (var r : c.execute(select(t.ID, t.CODE).from(t)).all()) codes.put(r._1, r._2);
        assertEquals(rows.size(), new HashSet<>(List.of(keys)).size(), "distinct keys");
        for (int i = 0; i < keys.length; i++) assertEquals(rows.get(i)[0], codes.get((Long) keys[i]), "key " + i + " (" + keys[i] + ")");
    }

    /** What {@link #insertAll} returned and sent. */
    record Inserted(Object[] keys, List<String> sql) {
        /** How many checks of the last rowid were sent. */
        long checks() { return sql.stream().filter(q -> q.startsWith("SELECT last_insert_rowid()")).count(); }

        List<String> inserts() { return sql.stream().filter(q -> q.startsWith("INSERT")).toList(); }
    }

    /** {@code insertRowsReturning} of (code, qty) rows returning the key, and the SQL it sent. */
    private static Inserted insertAll(Engine engine, Connection c, Items t, List<Object[]> rows) {
        Object[][] keys = new Object[1][];
        List<String> sql = sentDuring(engine, () -> keys[0] = c.rowsInsert(insert(t), new Column<?>[] {t.CODE, t.QTY}, null, t.ID).keys(rows));
        return new Inserted(keys[0], sql);
    }

    @Test
    void afterTheFirstStatementKeysComeFromTheLastRowid() {
        try (Engine engine = Engine.create("sqlite://")) {
            Items t = new Items("ck_plain");
            MetaData.of(t).createAll(engine);
            try (Connection c = engine.connect()) {
                // AUTOINCREMENT: after deleting the newest rows, new keys continue above them, not at max(id) + 1
                c.insertRows(insert(t), new Column<?>[] {t.CODE, t.QTY}, rows(40, "old"), t.ID);
                c.execute(deleteFrom(t).where(t.ID.gt(30L)));
                List<Object[]> rows = rows(1_001, "r");
                Inserted r = insertAll(engine, c, t, rows);
                List<String> inserts = r.inserts();
                assertEquals(5, inserts.size(), "250 + 250 + 250 + 250 + 1 rows");
                assertTrue(inserts.get(0).contains("RETURNING"), "the first statement returns its keys: " + inserts.get(0));
                for (String q : inserts.subList(1, inserts.size())) assertFalse(q.contains("RETURNING"), q);
                assertEquals(5, r.checks(), "once after the probe, then after each later statement");
                assertEquals(41L, r.keys()[0], "above the 40 keys AUTOINCREMENT handed out before");
                assertKeysMatch(c, t, rows, r.keys());
                c.commit();
            }
        }
    }

    @Test
    void aTriggerOnTheTableKeepsReturning() {
        try (Engine engine = Engine.create("sqlite://")) {
            Items t = new Items("ck_trigger");
            MetaData.of(t).createAll(engine);
            try (Connection c = engine.connect()) {
                // a trigger that inserts rows of the same table between the statement's own
                c.executeSql("CREATE TRIGGER ck_shadow AFTER INSERT ON ck_trigger WHEN new.code LIKE '%7' "
                        + "BEGIN INSERT INTO ck_trigger (code) VALUES ('shadow-' || new.code); END");
                c.commit();
                List<Object[]> rows = rows(1_000, "t");
                Inserted r = insertAll(engine, c, t, rows);
                assertEquals(0, r.checks());
                for (String q : r.sql()) if (q.startsWith("INSERT")) assertTrue(q.contains("RETURNING"), q); // the schema probe is seen too
                assertKeysMatch(c, t, rows, r.keys());
                assertEquals(1_100L, (Long) c.execute(select(count()).from(t)).scalar(), "a shadow row for each code ending in 7");
                c.rollback();
                // a TEMP trigger on the table is seen as well
                c.executeSql("CREATE TEMP TRIGGER ck_temp AFTER INSERT ON ck_trigger BEGIN SELECT 1; END");
                c.executeSql("DROP TRIGGER ck_shadow");
                c.commit();
                Inserted again = insertAll(engine, c, t, rows);
                assertEquals(0, again.checks());
                assertKeysMatch(c, t, rows, again.keys());
                c.rollback();
            }
        }
    }

    @Test
    void aReplaceClauseInTheTableKeepsReturning() {
        try (Engine engine = Engine.create("sqlite://")) {
            Items t = new Items("ck_replace");
            try (Connection c = engine.connect()) {
                c.executeSql("CREATE TABLE ck_replace (id INTEGER PRIMARY KEY, code VARCHAR(30) NOT NULL UNIQUE ON CONFLICT REPLACE, qty BIGINT)");
                List<Object[]> rows = rows(600, "p");
                Inserted r = insertAll(engine, c, t, rows);
                assertEquals(0, r.checks());
                assertKeysMatch(c, t, rows, r.keys());
                c.rollback();
            }
        }
    }

    @Test
    void nearTheLargestRowidTheRestGoesWithReturning() {
        try (Engine engine = Engine.create("sqlite://")) {
            Items t = new Items("ck_edge");
            try (Connection c = engine.connect()) {
                // no AUTOINCREMENT: past the largest possible rowid SQLite picks unused ones at random
                c.executeSql("CREATE TABLE ck_edge (id INTEGER PRIMARY KEY, code VARCHAR(30) NOT NULL, qty BIGINT)");
                c.execute(insert(t).set(t.ID, Long.MAX_VALUE - 300).set(t.CODE, "edge").set(t.QTY, 0L));
                List<Object[]> rows = rows(1_000, "e");
                Inserted r = insertAll(engine, c, t, rows);
                assertEquals(1, r.checks(), "only the check after the probe");
                for (String q : r.sql()) if (q.startsWith("INSERT")) assertTrue(q.contains("RETURNING"), q);
                assertKeysMatch(c, t, rows, r.keys());
                c.rollback();
            }
        }
    }

    @Test
    void aSchemaChangedBetweenListsIsCaughtByTheCheck() {
        try (Engine engine = Engine.create("sqlite://")) {
            Items t = new Items("ck_change");
            MetaData.of(t).createAll(engine);
            try (Connection c = engine.connect()) {
                RowsInsert ins = c.rowsInsert(insert(t), new Column<?>[] {t.CODE, t.QTY}, null, t.ID);
                int per = ins.rowsPerStatement();
                ins.keys(rows(per, "a"));
                List<Object[]> second = rows(per, "b");
                assertKeysMatch(c, t, second, ins.keys(second));
                c.executeSql("CREATE TRIGGER ck_late AFTER INSERT ON ck_change BEGIN SELECT 1; END");
                IllegalStateException e = assertThrows(IllegalStateException.class, () -> ins.keys(rows(per, "c")));
                assertTrue(e.getMessage().contains("schema changed"), e.getMessage());
                c.rollback();
            }
        }
    }

    @Test
    void smallInsertsAndAutocommitKeepReturning() throws Exception {
        try (Engine engine = Engine.create("sqlite://")) {
            Items t = new Items("ck_small");
            MetaData.of(t).createAll(engine);
            try (Connection c = engine.connect()) {
                long checks = 0;
                for (int i = 0; i < 3; i++) checks += insertAll(engine, c, t, rows(100, "s" + i)).checks();
                assertEquals(0, checks, "statements shorter than a full one are not probed");
                c.rollback();
                c.jdbc().setAutoCommit(true);
                try {
                    List<Object[]> rows = rows(1_000, "auto");
                    Inserted auto = insertAll(engine, c, t, rows);
                    assertEquals(0, auto.checks(), "each statement its own transaction");
                    assertKeysMatch(c, t, rows, auto.keys());
                } finally {
                    c.execute(deleteFrom(t));
                    c.jdbc().setAutoCommit(false);
                }
            }
        }
    }

    /** Two connections of a pool inserting into one file's table at once: each gets its own rows' keys. */
    @Test
    void concurrentWritersEachGetTheirOwnKeys(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        try (Engine engine = Engine.create("sqlite:///" + dir.resolve("ck.db").toAbsolutePath())) {
            Items t = new Items("ck_concurrent");
            MetaData.of(t).createAll(engine);
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
            try {
                List<java.util.concurrent.Future<?>> done = new ArrayList<>();
                for (int w = 0; w < 2; w++) {
                    String prefix = "w" + w + "-";
                    done.add(pool.submit(() -> {
                        for (int round = 0; round < 3; round++) {
                            List<Object[]> rows = rows(1_000, prefix + round + "-");
                            try (Connection c = engine.connect()) {
                                Object[] keys = c.rowsInsert(insert(t), new Column<?>[] {t.CODE, t.QTY}, null, t.ID).keys(rows);
                                c.commit();
                                Map<Long, String> codes = new HashMap<>();
                                for (var r : c.execute(select(t.ID, t.CODE).from(t)).all()) codes.put(r._1, r._2);
                                for (int i = 0; i < keys.length; i++) assertEquals(rows.get(i)[0], codes.get((Long) keys[i]), "key " + i);
                            }
                        }
                        return null;
                    }));
                }
                for (var f : done) f.get(60, java.util.concurrent.TimeUnit.SECONDS);
            } finally {
                pool.shutdownNow();
            }
            try (Connection c = engine.connect()) {
                assertEquals(6_000L, (Long) c.execute(select(count()).from(t)).scalar());
            }
        }
    }
}
