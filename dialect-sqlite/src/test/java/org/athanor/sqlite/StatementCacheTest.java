package org.athanor.sqlite;

import static org.athanor.core.fixtures.Users.USERS;
import static org.athanor.core.sql.Sql.*;
import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.athanor.core.engine.Connection;
import org.athanor.core.engine.Engine;
import org.athanor.core.engine.EngineOptions;
import org.athanor.core.schema.Column;
import org.athanor.core.schema.MetaData;
import org.athanor.core.sql.Expression;
import org.athanor.core.sql.Insert;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

/** The Engine's compiled-statement cache: a known shape is not rendered again, values still differ, and the size is bounded. */
class StatementCacheTest {
    @TempDir Path dir;
    final CountingDialect dialect = new CountingDialect();
    Engine engine;

    private Connection open(EngineOptions options, int users) {
        SQLiteDataSource ds = new SQLiteDataSource();
        ds.setUrl("jdbc:sqlite:" + dir.resolve("cache.db").toAbsolutePath());
        engine = Engine.of(ds, dialect, options);
        MetaData.of(USERS).createAll(engine);
        Connection c = engine.connect();
        if (users > 0) {
            List<Map<Column<?>, Object>> rows = new ArrayList<>();
            for (int i = 1; i <= users; i++) rows.add(Insert.row(USERS.NAME, "u" + i, USERS.AGE, i));
            c.insertMany(insert(USERS), rows);
        }
        return c;
    }

    @AfterEach
    void close() { if (engine != null) engine.close(); }

    private List<Long> ids(Connection c, org.athanor.core.sql.Select<io.vavr.Tuple1<Long>> q) {
        return c.execute(q).all().stream().map(t -> t._1).toList();
    }

    @Test
    void theSecondExecutionOfAShapeIsNotRenderedAgainAndBindsItsOwnValues() {
        try (Connection c = open(EngineOptions.defaults(), 50)) {
            int renders = dialect.renders.get();
            var stats = engine.cacheStats();
            assertEquals(List.of(31L, 32L), ids(c, select(USERS.ID).where(USERS.AGE.gt(30), USERS.NAME.startsWith("u3")).orderBy(USERS.ID).limit(2)));
            assertEquals(renders + 1, dialect.renders.get());
            assertEquals(List.of(41L, 42L, 43L), ids(c, select(USERS.ID).where(USERS.AGE.gt(40), USERS.NAME.startsWith("u4")).orderBy(USERS.ID).limit(3)));
            assertEquals(renders + 1, dialect.renders.get(), "same shape, new values: served from the cache");
            assertEquals(stats.hits() + 1, engine.cacheStats().hits());
            assertEquals(stats.misses() + 1, engine.cacheStats().misses());
            // another shape (gt → ge) renders once more
            assertEquals(List.of(40L), ids(c, select(USERS.ID).where(USERS.AGE.ge(40), USERS.NAME.startsWith("u4")).orderBy(USERS.ID).limit(1)));
            assertEquals(renders + 2, dialect.renders.get());
        }
    }

    @Test
    void inListsOfEveryLengthShareAFewCachedFormsAndReturnExactRows() {
        try (Connection c = open(EngineOptions.defaults(), 1000)) {
            int renders = dialect.renders.get();
            int size = engine.cacheStats().size();
            for (int n = 1; n <= 1000; n++) {
                List<Long> wanted = new ArrayList<>();
                for (long i = 1000 - n + 1; i <= 1000; i++) wanted.add(i); // the top n ids, so padding can't hide a lost value
                List<Long> got = ids(c, select(USERS.ID).where(USERS.ID.in(wanted)).orderBy(USERS.ID));
                if (!got.equals(wanted)) fail("IN list of " + n + " values returned " + got.size() + " rows: " + got);
                long notIn = c.execute(select(count()).where(USERS.ID.notIn(wanted))).scalar(Long.class);
                assertEquals(1000 - n, notIn, "NOT IN list of " + n + " values");
            }
            // buckets 1, 2, 4, ..., 1024: eleven forms for IN and eleven for NOT IN
            assertTrue(dialect.renders.get() - renders <= 22, "renders: " + (dialect.renders.get() - renders));
            assertTrue(engine.cacheStats().size() - size <= 22, "cache entries: " + (engine.cacheStats().size() - size));
        }
    }

    @Test
    void aParamObjectUsedTwiceDoesNotLeakIntoTheCachedForm() {
        try (Connection c = open(EngineOptions.defaults(), 50)) {
            Expression<Integer> same = param(30);
            assertEquals(List.of(30L), ids(c, select(USERS.ID).where(USERS.AGE.ge(same), USERS.AGE.le(same))));
            assertEquals(List.of(20L, 21L, 22L), ids(c, select(USERS.ID).where(USERS.AGE.ge(param(20)), USERS.AGE.le(param(22)))).stream().sorted().toList());
            // and the other way round, on a fresh shape
            assertEquals(List.of(5L, 6L), ids(c, select(USERS.ID).where(USERS.AGE.gt(param(4)), USERS.AGE.lt(param(7))).limit(9)));
            Expression<Integer> seven = param(7);
            assertEquals(List.of(), ids(c, select(USERS.ID).where(USERS.AGE.gt(seven), USERS.AGE.lt(seven)).limit(9)));
        }
    }

    @Test
    void theCacheNeverExceedsItsBound() {
        try (Connection c = open(EngineOptions.defaults().statementCacheSize(10), 3)) {
            for (int i = 0; i < 200; i++) {
                assertEquals(1, c.execute(select(USERS.NAME.as("label" + i)).where(USERS.ID.eq(1L))).all().size());
                assertTrue(engine.cacheStats().size() <= 10, "cache size " + engine.cacheStats().size() + " after " + (i + 1) + " shapes");
            }
            assertTrue(engine.cacheStats().misses() >= 200);
        }
    }

    @Test
    void aZeroSizedCacheRendersEveryTime() {
        try (Connection c = open(EngineOptions.defaults().statementCacheSize(0), 3)) {
            int renders = dialect.renders.get();
            for (int i = 0; i < 5; i++) c.execute(select(USERS.NAME).where(USERS.ID.eq((long) i))).all();
            assertEquals(renders + 5, dialect.renders.get());
            assertEquals(0, engine.cacheStats().size());
        }
    }
}
