package org.athanor.postgres;

import static org.athanor.core.sql.Sql.*;
import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import java.util.Iterator;
import org.athanor.core.engine.Connection;
import org.athanor.core.engine.Engine;
import org.athanor.core.engine.EngineOptions;
import org.athanor.core.error.DisconnectionError;
import org.athanor.core.error.PoolTimeoutError;
import org.athanor.core.error.StatementTimeoutError;
import org.athanor.core.sql.Row;
import org.athanor.core.testing.TestDatabases;
import org.junit.jupiter.api.Test;

/**
 * Timeouts, pool exhaustion, backends killed under the pool and pre-ping, on a live server. Only
 * backends this test opened are terminated, by their own pid.
 */
class PostgresReliabilityTest {
    private static Engine engine(EngineOptions o) { return TestDatabases.server("PostgreSQL", TestDatabases.postgresUrl(), o); }

    private static long pid(Connection c) { return ((Number) c.execute(text("SELECT pg_backend_pid()")).one().get(0)).longValue(); }

    /** Terminates one backend this test opened, from another connection, and waits until it is gone. */
    private static void terminate(Engine other, long pid) {
        try (Connection k = other.connect()) {
            assertEquals(Boolean.TRUE, k.execute(text("SELECT pg_terminate_backend(:p)").bind("p", (int) pid)).one().get(0));
            for (int i = 0; i < 100; i++) {
                long left = ((Number) k.execute(text("SELECT count(*) FROM pg_stat_activity WHERE pid = :p").bind("p", (int) pid)).one().get(0)).longValue();
                if (left == 0) return;
                k.rollback();
                Thread.sleep(10);
            }
            fail("backend " + pid + " did not exit");
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void engineStatementTimeoutCancelsWithItsOwnErrorType() {
        try (Engine e = engine(EngineOptions.defaults().poolSize(2).statementTimeout(Duration.ofMillis(500)))) {
            try (Connection c = e.connect()) {
                long t0 = System.nanoTime();
                StatementTimeoutError err = assertThrows(StatementTimeoutError.class, () -> c.execute(text("SELECT pg_sleep(5)")).all());
                assertTrue(System.nanoTime() - t0 < 4_000_000_000L, "cancelled well before the sleep ended");
                assertTrue(err.getMessage().contains("pg_sleep"), err.getMessage());
                assertEquals("57014", err.sqlState());
                c.rollback();
                assertEquals(1, c.execute(select(literal(1))).one()._1);
                c.rollback();
                // the paths for statements run for their effect too
                assertThrows(StatementTimeoutError.class, () -> c.executeStatement(text("SELECT pg_sleep(5)")));
                c.rollback();
                assertThrows(StatementTimeoutError.class, () -> c.executeSql("SELECT pg_sleep(5)"));
            }
        }
    }

    @Test
    void perStatementTimeoutDoesNotStickToTheReusedStatement() {
        try (Engine e = engine(EngineOptions.defaults().poolSize(1)); Connection c = e.connect()) {
            var sleep = text("SELECT pg_sleep(:s)");
            assertThrows(StatementTimeoutError.class, () -> c.execute(sleep.bind("s", 5.0), Duration.ofSeconds(1)).all());
            c.rollback();
            // the same SQL again, on the kept statement, without a timeout: runs past the second
            assertEquals(1, c.execute(sleep.bind("s", 1.3)).all().size());
            assertThrows(IllegalArgumentException.class, () -> c.execute(sleep, Duration.ZERO));
        }
    }

    @Test
    void socketTimeoutBreaksTheConnectionAndThePoolDropsIt() {
        try (Engine e = engine(EngineOptions.defaults().poolSize(1).socketTimeout(Duration.ofSeconds(1)))) {
            long firstPid;
            try (Connection c = e.connect()) {
                firstPid = pid(c);
                assertThrows(DisconnectionError.class, () -> c.execute(text("SELECT pg_sleep(3)")).all());
            }
            try (Connection c = e.connect()) {
                assertNotEquals(firstPid, pid(c), "the broken connection was not handed out again");
            }
        }
    }

    @Test
    void waitingPastTheConnectionTimeoutIsAPoolTimeoutError() {
        try (Engine e = engine(EngineOptions.defaults().poolSize(1).connectionTimeout(Duration.ofMillis(300)));
             Connection held = e.connect()) {
            long t0 = System.nanoTime();
            PoolTimeoutError err = assertThrows(PoolTimeoutError.class, e::connect);
            assertTrue(System.nanoTime() - t0 >= 250_000_000L);
            assertEquals(1, err.poolSize());
            assertEquals(1, err.active());
            assertEquals(300, err.timeoutMillis());
            assertTrue(err.getMessage().contains("no connection became free in 300 ms"), err.getMessage());
            assertTrue(err.getMessage().contains("(size 1, 1 in use, 0 idle, 1 waiting)"), err.getMessage());
            assertEquals(1, held.execute(select(literal(1))).one()._1);
        }
    }

    @Test
    void aBackendKilledWhileStreamingIsADisconnection() {
        try (Engine e = engine(EngineOptions.defaults().poolSize(1)); Engine killer = engine(EngineOptions.defaults().poolSize(1))) {
            long pid;
            try (Connection c = e.connect()) {
                pid = pid(c);
                var r = c.stream(text("SELECT g FROM generate_series(1, 5000000) g"));
                Iterator<Row> it = r.iterator();
                for (int i = 0; i < 10; i++) it.next();
                terminate(killer, pid);
                DisconnectionError err = assertThrows(DisconnectionError.class, () -> { while (it.hasNext()) it.next(); });
                assertNotNull(err.getMessage());
            }
            try (Connection c = e.connect()) {
                assertNotEquals(pid, pid(c));
            }
        }
    }

    @Test
    void prePingReplacesAConnectionTheServerDropped() {
        try (Engine killer = engine(EngineOptions.defaults().poolSize(1))) {
            // without pre-ping, HikariCP skips validation within 500 ms of the last use: the first statement fails
            try (Engine e = engine(EngineOptions.defaults().poolSize(1))) {
                long pid;
                try (Connection c = e.connect()) { pid = pid(c); }
                terminate(killer, pid);
                try (Connection c = e.connect()) {
                    assertThrows(DisconnectionError.class, () -> c.execute(select(literal(1))).all());
                }
            }
            try (Engine e = engine(EngineOptions.defaults().poolSize(1).prePing(true))) {
                long pid;
                try (Connection c = e.connect()) { pid = pid(c); }
                terminate(killer, pid);
                try (Connection c = e.connect()) {
                    assertEquals(1, c.execute(select(literal(1))).one()._1);
                    assertNotEquals(pid, pid(c));
                }
            }
        }
    }

    @Test
    void aConnectionCollectedUnclosedIsRolledBackAndReturned() throws InterruptedException {
        try (Engine e = engine(EngineOptions.defaults().poolSize(1).connectionTimeout(Duration.ofMillis(250)))) {
            org.athanor.core.testing.Leaks.checkReclaimed(e);
        }
    }
}
