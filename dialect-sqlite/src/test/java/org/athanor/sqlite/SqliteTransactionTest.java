package org.athanor.sqlite;

import static org.athanor.core.fixtures.Users.USERS;
import static org.athanor.core.sql.Sql.*;
import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.athanor.core.engine.Connection;
import org.athanor.core.engine.Engine;
import org.athanor.core.engine.EngineOptions;
import org.athanor.core.engine.IsolationLevel;
import org.athanor.core.engine.NestedTransaction;
import org.athanor.core.schema.MetaData;
import org.athanor.core.sql.Param;
import org.athanor.core.type.SqlTypes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

/** Commit, rollback, savepoints, isolation, engine.transaction, batches, and concurrent pooled writers on a file. */
class SqliteTransactionTest {
    @TempDir Path dir;

    private Engine fileEngine(String name, EngineOptions options) {
        Engine e = Engine.create("sqlite:///" + dir.resolve(name).toAbsolutePath(), options);
        MetaData.of(USERS).createAll(e);
        return e;
    }

    private static long rowsIn(Engine e) {
        try (Connection c = e.connect()) {
            return c.execute(select(count()).from(USERS)).scalar(Long.class);
        }
    }

    @Test
    void commitKeepsRollbackAndCloseDiscard() {
        try (Engine e = fileEngine("tx.db", EngineOptions.defaults())) {
            try (Connection c = e.connect()) {
                c.execute(insert(USERS).set(USERS.NAME, "committed"));
                c.commit();
                c.execute(insert(USERS).set(USERS.NAME, "rolled back"));
                c.rollback();
                c.execute(insert(USERS).set(USERS.NAME, "closed without commit"));
            }
            try (Connection c = e.connect()) {
                assertEquals(List.of("committed"), c.execute(select(USERS.NAME)).all().stream().map(t -> t._1).toList());
            }
            // begin() is the same transaction block
            try (Connection c = e.begin()) {
                c.execute(insert(USERS).set(USERS.NAME, "begun"));
                c.commit();
            }
            assertEquals(2, rowsIn(e));
        }
    }

    @Test
    void savepointsRollBackOnlyTheirOwnWork() {
        try (Engine e = fileEngine("sp.db", EngineOptions.defaults())) {
            try (Connection c = e.connect()) {
                c.execute(insert(USERS).set(USERS.NAME, "outer"));
                try (NestedTransaction sp = c.beginNested()) {
                    c.execute(insert(USERS).set(USERS.NAME, "inner, undone"));
                    sp.rollback();
                    assertFalse(sp.isActive());
                    assertThrows(IllegalStateException.class, sp::commit);
                }
                try (NestedTransaction sp = c.beginNested()) {
                    c.execute(insert(USERS).set(USERS.NAME, "inner, kept"));
                    sp.commit();
                }
                try (NestedTransaction sp = c.beginNested()) {
                    c.execute(insert(USERS).set(USERS.NAME, "inner, closed"));
                }
                c.commit();
            }
            try (Connection c = e.connect()) {
                assertEquals(List.of("outer", "inner, kept"), c.execute(select(USERS.NAME).orderBy(USERS.ID)).all().stream().map(t -> t._1).toList());
            }
        }
    }

    @Test
    void isolationLevelPerConnectionAndPerEngine() {
        try (Engine e = fileEngine("iso.db", EngineOptions.defaults())) {
            try (Connection c = e.connect()) {
                c.setIsolationLevel(IsolationLevel.SERIALIZABLE);
                assertEquals(IsolationLevel.SERIALIZABLE, c.isolationLevel());
                c.setIsolationLevel(IsolationLevel.READ_UNCOMMITTED);
                assertEquals(IsolationLevel.READ_UNCOMMITTED, c.isolationLevel());
            }
        }
        try (Engine e = fileEngine("iso2.db", EngineOptions.defaults().isolationLevel(IsolationLevel.SERIALIZABLE))) {
            try (Connection c = e.connect()) {
                assertEquals(IsolationLevel.SERIALIZABLE, c.isolationLevel());
            }
        }
    }

    @Test
    void engineTransactionCommitsOnSuccessAndRollsBackOnException() {
        try (Engine e = fileEngine("etx.db", EngineOptions.defaults())) {
            long id = e.fromTransaction(c -> {
                return c.insertReturningKeys(insert(USERS).set(USERS.NAME, "ok"), USERS.ID).get(0);
            });
            assertEquals(1L, id);
            IllegalStateException boom = assertThrows(IllegalStateException.class, () -> e.inTransaction(c -> {
                c.execute(insert(USERS).set(USERS.NAME, "lost"));
                throw new IllegalStateException("boom");
            }));
            assertEquals("boom", boom.getMessage());
            e.inTransaction(c -> { c.execute(update(USERS).set(USERS.AGE, 5)); });
            try (Connection c = e.connect()) {
                assertEquals(List.of(io.vavr.Tuple.of("ok", 5)), c.execute(select(USERS.NAME, USERS.AGE)).all());
            }
        }
    }

    @Test
    void executeManyRunsOneStatementAsAJdbcBatch() {
        try (Engine e = fileEngine("batch.db", EngineOptions.defaults())) {
            Param<String> name = bindParam("name", SqlTypes.TEXT);
            Param<Integer> age = bindParam("age", SqlTypes.INTEGER);
            List<Map<String, ?>> sets = new ArrayList<>();
            for (int i = 0; i < 2500; i++) sets.add(Map.of("name", "u" + i, "age", i % 50)); // crosses the 1000-row batch size
            try (Connection c = e.connect()) {
                var before = e.cacheStats();
                assertEquals(2500, c.executeMany(insert(USERS).set(USERS.NAME, name).set(USERS.AGE, age), sets));
                assertEquals(before.misses() + 1, e.cacheStats().misses(), "the statement is rendered once for all parameter sets");
                assertEquals(50, c.executeMany(update(USERS).set(USERS.AGE, 100).where(USERS.AGE.eq(bindParam("a", SqlTypes.INTEGER))),
                        List.of(Map.of("a", 0))));
                IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                        () -> c.executeMany(deleteFrom(USERS).where(USERS.NAME.eq(name)), List.of(Map.of("nom", "x"))));
                assertTrue(missing.getMessage().contains(":name") && missing.getMessage().contains("[nom]"), missing.getMessage());
                assertEquals(0, c.executeMany(deleteFrom(USERS).where(USERS.NAME.eq(name)), List.of()));
                IllegalArgumentException unbound = assertThrows(IllegalArgumentException.class,
                        () -> c.execute(deleteFrom(USERS).where(USERS.NAME.eq(name))));
                assertTrue(unbound.getMessage().contains(":name has no value"), unbound.getMessage());
                c.commit();
                assertEquals(2500L, (Long) c.execute(select(count()).from(USERS)).scalar());
                assertEquals(50L, (Long) c.execute(select(count()).where(USERS.AGE.eq(100))).scalar());
                assertEquals("u49", c.execute(select(USERS.NAME).where(USERS.AGE.eq(49)).orderBy(USERS.ID)).first()._1);
            }
        }
    }

    @Test
    void insertManyAndInsertReturningKeys() {
        try (Engine e = fileEngine("many.db", EngineOptions.defaults())) {
            List<Map<org.athanor.core.schema.Column<?>, Object>> rows = new ArrayList<>();
            for (int i = 0; i < 12_000; i++) rows.add(org.athanor.core.sql.Insert.row(USERS.NAME, "n" + i, USERS.AGE, i));
            try (Connection c = e.connect()) {
                assertEquals(12_000, c.insertMany(insert(USERS), rows));
                assertEquals(List.of(12_001L, 12_002L, 12_003L), c.insertReturningKeys(
                        insert(USERS).columns(USERS.NAME).values("a").values("b").values("c"), USERS.ID));
                c.commit();
                assertEquals(12_003L, (Long) c.execute(select(count()).from(USERS)).scalar());
                assertEquals("n11999", c.execute(select(USERS.NAME).where(USERS.AGE.eq(11_999))).one()._1);
            }
        }
    }

    @Test
    void generatedKeysWithoutReturningComeFromJdbc() {
        Path file = dir.resolve("ds.db");
        SQLiteDataSource ds = new SQLiteDataSource();
        ds.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
        SqliteDialect noReturning = (SqliteDialect) SqliteDialect.INSTANCE.withFeatures(
                SqliteDialect.FEATURES.toBuilder().returning(false).build());
        try (Engine e = Engine.of(ds, noReturning)) {
            MetaData.of(USERS).createAll(e);
            try (Connection c = e.connect()) {
                assertEquals(List.of(1L), c.insertReturningKeys(insert(USERS).set(USERS.NAME, "a"), USERS.ID));
                assertEquals(List.of(2L), c.insertReturningKeys(insert(USERS).set(USERS.NAME, "b"), USERS.ID));
                c.commit();
            }
            assertEquals(2, rowsIn(e));
        }
    }

    @Test
    void engineOverAPlainDataSource() {
        SQLiteDataSource ds = new SQLiteDataSource();
        ds.setUrl("jdbc:sqlite:" + dir.resolve("plain.db").toAbsolutePath());
        try (Engine e = Engine.of(ds, SqliteDialect.INSTANCE)) {
            MetaData.of(USERS).createAll(e);
            try (Connection c = e.connect()) {
                assertFalse(c.jdbc().getAutoCommit(), "an Engine connection always has a transaction open");
                c.execute(insert(USERS).set(USERS.NAME, "x"));
            } catch (java.sql.SQLException ex) {
                throw new AssertionError(ex);
            }
            assertEquals(0, rowsIn(e), "closing without commit rolled back");
            e.inTransaction(c -> { c.execute(insert(USERS).set(USERS.NAME, "y")); });
            assertEquals(1, rowsIn(e));
        }
    }

    @Test
    void twoPooledWritersOnOneFileWaitInsteadOfFailingBusy() throws Exception {
        try (Engine e = fileEngine("busy.db", EngineOptions.defaults().poolSize(4))) {
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Future<Integer>> done = new ArrayList<>();
                for (int w = 0; w < 2; w++) {
                    int writer = w;
                    Callable<Integer> job = () -> {
                        for (int i = 0; i < 150; i++) {
                            int n = i;
                            e.inTransaction(c -> {
                                c.execute(insert(USERS).set(USERS.NAME, "w" + writer + "-" + n));
                                // read-then-write inside one transaction: the pattern that hits SQLITE_BUSY without a timeout
                                long seen = c.execute(select(count()).from(USERS)).scalar(Long.class);
                                c.execute(update(USERS).set(USERS.AGE, (int) seen).where(USERS.NAME.eq("w" + writer + "-" + n)));
                            });
                        }
                        return 150;
                    };
                    done.add(pool.submit(job));
                }
                for (Future<Integer> f : done) assertEquals(150, f.get(120, TimeUnit.SECONDS));
            } finally {
                pool.shutdownNow();
            }
            assertEquals(300, rowsIn(e));
        }
    }
}
