package org.athanor.postgres;

import static org.athanor.core.sql.Sql.*;
import static org.athanor.core.type.SqlTypes.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.athanor.core.engine.Connection;
import org.athanor.core.engine.Engine;
import org.athanor.core.engine.IsolationLevel;
import org.athanor.core.engine.NestedTransaction;
import org.athanor.core.error.IntegrityError;
import org.athanor.core.error.OperationalError;
import org.athanor.core.error.TransactionConflictError;
import org.athanor.core.schema.Column;
import org.athanor.core.schema.MetaData;
import org.athanor.core.schema.Table;
import org.athanor.core.sql.LockMode;
import org.athanor.core.testing.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Row locks between connections, isolation levels, savepoints and conflict errors on a live server. */
class PostgresTransactionsTest {
    static final class Jobs extends Table {
        final Column<Long> ID = column("id", BIGINT, primaryKey());
        final Column<String> STATE = column("state", varchar(10), notNull());
        Jobs(String name) { super(name); }
    }

    private static Engine engine;
    private static Jobs J;
    private static MetaData md;

    @BeforeAll
    static void setUp() {
        engine = TestDatabases.postgres();
        J = new Jobs(TestDatabases.uniqueName("pg_jobs"));
        md = MetaData.of(J);
        md.createAll(engine);
    }

    @AfterAll
    static void tearDown() {
        TestDatabases.dropAndClose(engine, md);
    }

    @BeforeEach
    void seed() {
        engine.inTransaction(c -> {
            c.execute(deleteFrom(J));
            c.execute(insert(J).columns(J.ID, J.STATE).values(1L, "new").values(2L, "new").values(3L, "new"));
        });
    }

    private static List<Long> ids(Connection c, org.athanor.core.sql.Select<io.vavr.Tuple1<Long>> q) {
        return c.execute(q).all().stream().map(t -> t._1).toList();
    }

    @Test
    void skipLockedAndNowaitBetweenTwoConnections() {
        try (Connection worker1 = engine.connect(); Connection worker2 = engine.connect()) {
            assertEquals(List.of(1L), ids(worker1, select(J.ID).where(J.ID.eq(1L)).forUpdate()));
            assertEquals(List.of(2L, 3L), ids(worker2, select(J.ID).orderBy(J.ID).forUpdate(LockMode.Wait.SKIP_LOCKED)),
                    "the row worker1 holds is skipped");
            assertEquals(List.of(), ids(worker1, select(J.ID).where(J.ID.gt(1L)).forUpdate(LockMode.Wait.SKIP_LOCKED)),
                    "and the other way round");
            OperationalError e = assertThrows(OperationalError.class,
                    () -> ids(worker2, select(J.ID).where(J.ID.eq(1L)).forUpdate(LockMode.Wait.NOWAIT)));
            assertEquals("55P03", e.sqlState());
            assertTrue(e.getMessage().contains("FOR UPDATE NOWAIT"), "the message carries the SQL: " + e.getMessage());
        }
    }

    @Test
    void shareLocksAreCompatibleWithEachOtherOnly() {
        try (Connection a = engine.connect(); Connection b = engine.connect()) {
            assertEquals(List.of(1L), ids(a, select(J.ID).where(J.ID.eq(1L)).forShare()));
            assertEquals(List.of(1L), ids(b, select(J.ID).where(J.ID.eq(1L)).forShare(LockMode.Wait.NOWAIT)));
            assertThrows(OperationalError.class, () -> ids(b, select(J.ID).where(J.ID.eq(1L)).forUpdate(LockMode.Wait.NOWAIT)));
        }
    }

    @Test
    void isolationLevelsAreSetAndReadBack() {
        Object[][] levels = {
                {IsolationLevel.SERIALIZABLE, "serializable"}, {IsolationLevel.REPEATABLE_READ, "repeatable read"},
                {IsolationLevel.READ_COMMITTED, "read committed"}, {IsolationLevel.READ_UNCOMMITTED, "read uncommitted"}};
        for (Object[] l : levels) {
            try (Connection c = engine.connect()) {
                c.setIsolationLevel((IsolationLevel) l[0]);
                assertEquals(l[0], c.isolationLevel());
                assertEquals(l[1], c.execute(select(func("current_setting", TEXT, literal("transaction_isolation")))).scalar());
            }
        }
        try (Connection c = engine.connect()) {
            assertEquals("read committed", c.execute(select(func("current_setting", TEXT, literal("transaction_isolation")))).scalar(),
                    "the pool hands connections back at the server's default");
        }
    }

    @Test
    void concurrentUpdateUnderRepeatableReadIsATransactionConflict() {
        try (Connection t1 = engine.connect(); Connection t2 = engine.connect()) {
            t1.setIsolationLevel(IsolationLevel.REPEATABLE_READ);
            assertEquals(List.of(1L), ids(t1, select(J.ID).where(J.ID.eq(1L)))); // takes t1's snapshot
            assertEquals(1, t2.execute(update(J).set(J.STATE, "t2").where(J.ID.eq(1L))));
            t2.commit();
            TransactionConflictError e = assertThrows(TransactionConflictError.class,
                    () -> t1.execute(update(J).set(J.STATE, "t1").where(J.ID.eq(1L))));
            assertEquals("40001", e.sqlState());
            t1.rollback();
        }
    }

    @Test
    void deadlockIsATransactionConflict() throws Exception {
        CountDownLatch bothLocked = new CountDownLatch(2);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        Throwable ea, eb;
        try {
            CompletableFuture<Throwable> a = CompletableFuture.supplyAsync(() -> crossUpdate(1L, 2L, bothLocked), threads);
            CompletableFuture<Throwable> b = CompletableFuture.supplyAsync(() -> crossUpdate(2L, 1L, bothLocked), threads);
            ea = a.get(30, TimeUnit.SECONDS);
            eb = b.get(30, TimeUnit.SECONDS);
        } finally {
            threads.shutdownNow();
        }
        Throwable victim = ea != null ? ea : eb;
        assertTrue(ea == null ^ eb == null, "exactly one transaction is chosen as the deadlock victim: " + ea + " / " + eb);
        assertInstanceOf(TransactionConflictError.class, victim);
        assertEquals("40P01", ((TransactionConflictError) victim).sqlState());
    }

    private static Throwable crossUpdate(long first, long second, CountDownLatch bothLocked) {
        try (Connection c = engine.connect()) {
            c.execute(update(J).set(J.STATE, "x").where(J.ID.eq(first)));
            bothLocked.countDown();
            if (!bothLocked.await(10, TimeUnit.SECONDS)) return new AssertionError("the other transaction never took its lock");
            c.execute(update(J).set(J.STATE, "y").where(J.ID.eq(second)));
            c.commit();
            return null;
        } catch (RuntimeException | InterruptedException e) {
            return e;
        }
    }

    @Test
    void savepointRollbackKeepsTheOuterTransaction() {
        try (Connection c = engine.connect()) {
            c.execute(insert(J).set(J.ID, 10L).set(J.STATE, "outer"));
            try (NestedTransaction sp = c.beginNested()) {
                c.execute(insert(J).set(J.ID, 11L).set(J.STATE, "inner"));
                sp.rollback();
            }
            try (NestedTransaction sp = c.beginNested()) {
                c.execute(insert(J).set(J.ID, 12L).set(J.STATE, "kept"));
                sp.commit();
            }
            c.commit();
        }
        try (Connection c = engine.connect()) {
            assertEquals(List.of(10L, 12L), ids(c, select(J.ID).where(J.ID.ge(10L)).orderBy(J.ID)));
        }
    }

    @Test
    void aFailedStatementInsideASavepointLeavesTheTransactionUsable() {
        try (Connection c = engine.connect()) {
            try (NestedTransaction sp = c.beginNested()) {
                IntegrityError e = assertThrows(IntegrityError.class, () -> c.execute(insert(J).set(J.ID, 1L).set(J.STATE, "dup")));
                assertEquals("23505", e.sqlState());
                sp.rollback();
            }
            c.execute(update(J).set(J.STATE, "after").where(J.ID.eq(1L)));
            c.commit();
            assertEquals("after", c.execute(select(J.STATE).where(J.ID.eq(1L))).one()._1);
        }
    }

    @Test
    void withoutASavepointTheTransactionIsAbortedUntilRollback() {
        try (Connection c = engine.connect()) {
            assertThrows(IntegrityError.class, () -> c.execute(insert(J).set(J.ID, 1L).set(J.STATE, "dup")));
            OperationalError aborted = assertThrows(OperationalError.class, () -> c.execute(select(count()).from(J)).scalar());
            assertEquals("25P02", aborted.sqlState());
            c.rollback();
            assertEquals(3L, (Long) c.execute(select(count()).from(J)).scalar());
        }
    }

    @Test
    void ddlIsTransactional() {
        Table t = Table.of(TestDatabases.uniqueName("pg_txddl"), Table.col("id", BIGINT));
        try (Connection c = engine.connect()) {
            for (String s : engine.dialect().ddl().createTable(t, false, java.util.Set.of())) c.executeSql(s);
            assertNotNull(c.execute(select(func("to_regclass", TEXT, param(t.name())))).scalar());
            c.rollback();
            assertNull(c.execute(select(func("to_regclass", TEXT, param(t.name())))).scalar(), "the rollback undid CREATE TABLE");
        }
    }
}
