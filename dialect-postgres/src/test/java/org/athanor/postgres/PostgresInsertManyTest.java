package org.athanor.postgres;

import static org.athanor.core.sql.Sql.*;
import static org.athanor.core.type.SqlTypes.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.athanor.core.engine.Connection;
import org.athanor.core.engine.Engine;
import org.athanor.core.schema.Column;
import org.athanor.core.schema.MetaData;
import org.athanor.core.schema.Table;
import org.athanor.core.testing.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** insertMany on PostgreSQL: rows bound into multi-row templates, defaults, chunks, ON CONFLICT. */
class PostgresInsertManyTest {
    static final class Items extends Table {
        final Column<Long> ID = column("id", BIGINT, primaryKey());
        final Column<String> NAME = column("name", varchar(50), notNull());
        final Column<String> KIND = column("kind", varchar(10), defaultValue("plain"));
        Items(String name) { super(name); }
    }

    private static Engine engine;
    private static Items I;
    private static MetaData md;

    @BeforeAll
    static void setUp() {
        engine = TestDatabases.postgres();
        I = new Items(TestDatabases.uniqueName("pg_items"));
        md = MetaData.of(I);
        md.createAll(engine);
    }

    @AfterAll
    static void tearDown() {
        TestDatabases.dropAndClose(engine, md);
    }

    private static List<Map<Column<?>, Object>> rows(int from, int to) {
        List<Map<Column<?>, Object>> out = new ArrayList<>();
        for (int i = from; i < to; i++) {
            Map<Column<?>, Object> row = new LinkedHashMap<>();
            row.put(I.ID, (long) i);
            row.put(I.NAME, "n" + i);
            out.add(row);
        }
        return out;
    }

    @Test
    void rowsGoOutInThousandRowChunksWithDefaultsAndOnConflictKeepsItsClause() {
        List<String> seen = new CopyOnWriteArrayList<>();
        org.athanor.core.engine.StatementListener listener = seen::add;
        engine.addStatementListener(listener);
        try (Connection c = engine.connect()) {
            c.execute(deleteFrom(I));
            assertEquals(2500, c.insertMany(insert(I), rows(0, 2500)));
            long inserts = seen.stream().filter(s -> s.startsWith("INSERT")).count();
            assertEquals(3, inserts, "1000 + 1000 + 500 rows: " + seen.size() + " statements");
            assertEquals(2500L, (Long) c.execute(select(count()).from(I).where(I.KIND.eq("plain"))).scalar());
            assertEquals("n2499", c.execute(select(I.NAME).where(I.ID.eq(2499L))).scalar());

            // 2000..2999: the first 500 exist already and are skipped by the upsert clause
            long added = c.insertMany(insert(I).onConflict(I.ID).doNothing(), rows(2000, 3000));
            assertEquals(500, added);
            assertEquals(3000L, (Long) c.execute(select(count()).from(I)).scalar());
            c.rollback();
        } finally {
            engine.removeStatementListener(listener);
        }
    }
}
