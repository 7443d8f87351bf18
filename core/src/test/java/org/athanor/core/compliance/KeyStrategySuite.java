package org.athanor.core.compliance;

import static org.athanor.core.sql.Sql.*;
import static org.athanor.core.type.SqlTypes.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.athanor.core.engine.Connection;
import org.athanor.core.engine.RowsInsert;
import org.athanor.core.schema.Column;
import org.athanor.core.schema.Table;
import org.athanor.core.testing.TestDatabases;
import org.junit.jupiter.api.Test;

/**
 * The bulk insert's key strategies, live: whatever way the dialect learns generated keys (RETURNING,
 * sorted RETURNING, column arrays, consecutive rowids, JDBC generated keys), the keys of
 * {@code rowsInsert(...).keys(rows)} come back one per row, in row order, for one row, a few rows,
 * a statement's worth and more, and past the bind-parameter limit; each key is checked against the
 * row it was stored with. Subclasses say which strategy their dialect picks.
 */
public abstract class KeyStrategySuite extends ComplianceSuite {
    static final class Items extends Table {
        final Column<Long> ID = column("id", BIGINT, primaryKey(), autoincrement());
        final Column<String> CODE = column("code", varchar(40), notNull());
        final Column<Long> QTY = column("qty", BIGINT);
        final Column<String> NOTE = column("note", varchar(40));
        Items(String name) { super(name); }
    }

    /** The {@link RowsInsert#keyStrategy()} name for an insert returning the identity key of {@link Items}. */
    protected abstract String identityKeyStrategy();

    private static List<Object[]> rows(String tag, int n) {
        List<Object[]> rows = new ArrayList<>(n);
        for (int i = 0; i < n; i++) rows.add(new Object[] {tag + "-" + i, (long) i * 3, i % 5 == 0 ? null : "n" + i});
        return rows;
    }

    /** Inserts {@code n} rows in one call, checks every key against the row stored with it, and returns the statements sent. */
    private List<String> insertAndCheck(Items t, int n, boolean commit) {
        List<String> sent = new ArrayList<>();
        org.athanor.core.engine.StatementListener l = sent::add;
        engine().addStatementListener(l);
        List<Object[]> rows = rows("r" + n, n);
        Object[] keys;
        try (Connection c = engine().connect()) {
            RowsInsert ins = c.rowsInsert(insert(t), new Column<?>[] {t.CODE, t.QTY, t.NOTE}, null, t.ID);
            assertEquals(identityKeyStrategy(), ins.keyStrategy());
            keys = ins.keys(rows);
            if (commit) c.commit();
            else c.rollback();
        } finally {
            engine().removeStatementListener(l);
        }
        assertEquals(n, keys.length, "one key per row");
        assertEquals(n, new HashSet<>(List.of(keys)).size(), "distinct keys");
        if (commit) {
            Map<Long, String> stored = new HashMap<>();
            try (Connection c = engine().connect()) {
                for (var r : c.execute(select(t.ID, t.CODE).where(t.CODE.like("r" + n + "-%"))).all()) stored.put(r._1, r._2);
            }
            assertEquals(n, stored.size());
            for (int i = 0; i < n; i++) assertEquals(rows.get(i)[0], stored.get((Long) keys[i]), "row " + i + " got the key of another row");
        }
        return sent;
    }

    @Test
    void keysComeBackInRowOrderForOneAFewAndManyRows() {
        Items t = new Items(TestDatabases.uniqueName("ks"));
        create(t);
        for (int n : new int[] {1, 2, 7, 8, 9, 100, 1001}) insertAndCheck(t, n, true);
    }

    /** More rows than one statement may bind (3 parameters a row): split into statements, keys still in row order. */
    @Test
    void keysComeBackInRowOrderPastTheBindParameterLimit() {
        Items t = new Items(TestDatabases.uniqueName("kl"));
        create(t);
        int n = features().maxBindParams() / 3 + 50;
        List<String> sent = insertAndCheck(t, n, true);
        assertTrue(sent.size() > 1, "several statements: " + sent.size());
    }

    /** The strategy is chosen per plan and keeps working on list after list (an ORM's flush in chunks). */
    @Test
    void onePlanServesListAfterList() {
        Items t = new Items(TestDatabases.uniqueName("kp"));
        create(t);
        try (Connection c = engine().connect()) {
            RowsInsert ins = c.rowsInsert(insert(t), new Column<?>[] {t.CODE, t.QTY, t.NOTE}, null, t.ID);
            List<Object> all = new ArrayList<>();
            List<Object[]> allRows = new ArrayList<>();
            for (int round = 0; round < 4; round++) {
                List<Object[]> rows = rows("p" + round, round == 3 ? 1 : ins.rowsPerStatement());
                all.addAll(List.of(ins.keys(rows)));
                allRows.addAll(rows);
            }
            c.commit();
            Map<Long, String> stored = new HashMap<>();
            for (var r : c.execute(select(t.ID, t.CODE)).all()) stored.put(r._1, r._2);
            for (int i = 0; i < allRows.size(); i++) assertEquals(allRows.get(i)[0], stored.get((Long) all.get(i)), "row " + i);
        }
    }

    /** A failed chunk leaves nothing of the call behind once rolled back, and the connection usable. */
    @Test
    void aFailingRowRollsBackCleanly() {
        Items t = new Items(TestDatabases.uniqueName("kf"));
        create(t);
        List<Object[]> rows = rows("f", 50);
        rows.set(30, new Object[] {null, 1L, "x"}); // code is NOT NULL
        try (Connection c = engine().connect()) {
            RowsInsert ins = c.rowsInsert(insert(t), new Column<?>[] {t.CODE, t.QTY, t.NOTE}, null, t.ID);
            assertThrows(org.athanor.core.error.DatabaseError.class, () -> ins.keys(rows));
            c.rollback();
            assertEquals(0L, c.execute(select(count()).from(t)).one()._1);
            assertEquals(2, ins.keys(rows("g", 2)).length, "usable after the rollback");
        }
    }
}
