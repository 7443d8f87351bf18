package org.athanor.core.compliance;

import static org.athanor.core.sql.Sql.*;
import static org.athanor.core.type.SqlTypes.*;
import static org.junit.jupiter.api.Assertions.*;

import io.vavr.Tuple;
import io.vavr.Tuple2;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.athanor.core.engine.Connection;
import org.athanor.core.error.CompileError;
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
 * executemany with named parameters and insertMany split by the bind-parameter limit.
 */
public abstract class DmlSuite extends ComplianceSuite {
    static final class People extends Table {
        final Column<Long> ID = column("id", BIGINT, primaryKey(), autoincrement());
        final Column<String> NAME = column("name", varchar(50), notNull());
        final Column<Integer> AGE = column("age", INTEGER);
        final Column<Integer> SCORE = column("score", INTEGER, serverDefault("7"));
        People(String name) { super(name); }
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
}
