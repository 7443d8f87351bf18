package org.athanor.mysql;

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
 * Timeouts, pool exhaustion, connections killed under the pool and pre-ping, on a live MariaDB/MySQL.
 * Only connections this test opened are killed, by their own connection id.
 */
class MysqlReliabilityTest {
    private static Engine engine(EngineOptions o) { return TestDatabases.server("MariaDB/MySQL", TestDatabases.mysqlUrl(), o); }

    private static void kill(Engine other, long id) {
        try (Connection k = other.connect()) {
            MysqlLive.string(k, "SELECT 1", 1);
            try (var st = k.jdbc().createStatement()) {
                st.execute("KILL " + id);
            } catch (java.sql.SQLException e) {
                throw new AssertionError("KILL " + id + ": " + e.getMessage(), e);
            }
            for (int i = 0; i < 100; i++) {
                if (Long.parseLong(MysqlLive.string(k, "SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE ID = " + id, 1)) == 0) return;
                k.rollback();
                Thread.sleep(10);
            }
            fail("connection " + id + " is still there");
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void statementTimeoutCancelsWithItsOwnErrorType() {
        try (Engine e = engine(EngineOptions.defaults().poolSize(2).statementTimeout(Duration.ofMillis(800)))) {
            try (Connection c = e.connect()) {
                long t0 = System.nanoTime();
                assertThrows(StatementTimeoutError.class, () -> c.execute(text("SELECT SLEEP(5)")).all());
                assertTrue(System.nanoTime() - t0 < 4_000_000_000L, "cancelled well before the sleep ended");
                assertEquals(1, c.execute(select(literal(1))).one()._1);
            }
        }
        try (Engine e = engine(EngineOptions.defaults().poolSize(1)); Connection c = e.connect()) {
            var sleep = text("SELECT SLEEP(:s)");
            assertThrows(StatementTimeoutError.class, () -> c.execute(sleep.bind("s", 5.0), Duration.ofSeconds(1)).all());
            // the kept statement does not keep the timeout
            assertEquals(1, c.execute(sleep.bind("s", 1.3)).all().size());
        }
    }

    @Test
    void serverSideStatementTimeIsAStatementTimeoutToo() {
        try (Engine e = engine(EngineOptions.defaults().poolSize(1)); Connection c = e.connect()) {
            String server = MysqlLive.string(c, "SELECT VERSION()", 1);
            org.junit.jupiter.api.Assumptions.assumeTrue(server.contains("MariaDB"), "max_statement_time is MariaDB's");
            StatementTimeoutError err = assertThrows(StatementTimeoutError.class, () -> c.executeSql(
                    "SET STATEMENT max_statement_time=0.3 FOR SELECT SUM(seq % 7) FROM seq_1_to_1000000000"));
            assertEquals(1969, err.vendorCode());
        }
    }

    @Test
    void socketTimeoutBreaksTheConnectionAndThePoolDropsIt() {
        try (Engine e = engine(EngineOptions.defaults().poolSize(1).socketTimeout(Duration.ofMillis(800)))) {
            long first;
            try (Connection c = e.connect()) {
                first = MysqlLive.connectionId(c);
                assertThrows(DisconnectionError.class, () -> c.execute(text("SELECT SLEEP(3)")).all());
            }
            try (Connection c = e.connect()) {
                assertNotEquals(first, MysqlLive.connectionId(c), "the broken connection was not handed out again");
            }
        }
    }

    @Test
    void waitingPastTheConnectionTimeoutIsAPoolTimeoutError() {
        try (Engine e = engine(EngineOptions.defaults().poolSize(1).connectionTimeout(Duration.ofMillis(300)));
             Connection held = e.connect()) {
            PoolTimeoutError err = assertThrows(PoolTimeoutError.class, e::connect);
            assertEquals(1, err.poolSize());
            assertEquals(1, err.active());
            assertTrue(err.getMessage().contains("(size 1, 1 in use, 0 idle, 1 waiting)"), err.getMessage());
            assertEquals(1, held.execute(select(literal(1))).one()._1);
        }
    }

    @Test
    void aConnectionKilledWhileStreamingIsADisconnection() {
        try (Engine e = engine(EngineOptions.defaults().poolSize(1)); Engine killer = engine(EngineOptions.defaults().poolSize(1))) {
            long id;
            try (Connection c = e.connect()) {
                id = MysqlLive.connectionId(c);
                var r = c.stream(text("SELECT seq FROM seq_1_to_20000000"));
                Iterator<Row> it = r.iterator();
                for (int i = 0; i < 10; i++) it.next();
                kill(killer, id);
                DisconnectionError err = assertThrows(DisconnectionError.class, () -> { while (it.hasNext()) it.next(); });
                assertNotNull(err.getMessage());
            }
            try (Connection c = e.connect()) {
                assertNotEquals(id, MysqlLive.connectionId(c));
            }
        }
    }

    @Test
    void prePingReplacesAConnectionTheServerDropped() {
        try (Engine killer = engine(EngineOptions.defaults().poolSize(1))) {
            try (Engine e = engine(EngineOptions.defaults().poolSize(1))) {
                long id;
                try (Connection c = e.connect()) { id = MysqlLive.connectionId(c); }
                kill(killer, id);
                try (Connection c = e.connect()) {
                    assertThrows(DisconnectionError.class, () -> c.execute(select(literal(1))).all());
                }
            }
            try (Engine e = engine(EngineOptions.defaults().poolSize(1).prePing(true))) {
                long id;
                try (Connection c = e.connect()) { id = MysqlLive.connectionId(c); }
                kill(killer, id);
                try (Connection c = e.connect()) {
                    assertEquals(1, c.execute(select(literal(1))).one()._1);
                    assertNotEquals(id, MysqlLive.connectionId(c));
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
