package org.athanor.sqlite;

import static org.athanor.core.sql.Sql.*;
import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.time.Duration;
import org.athanor.core.engine.Connection;
import org.athanor.core.engine.Engine;
import org.athanor.core.engine.EngineOptions;
import org.athanor.core.error.PoolTimeoutError;
import org.athanor.core.error.StatementTimeoutError;
import org.athanor.core.sql.Text;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Statement timeouts (a progress handler: sqlite-jdbc's own query timeout only bounds lock waits) and pool timeouts. */
class SqliteReliabilityTest {
    @TempDir Path dir;

    /** Counts to n through a recursive CTE: about a second per ten million on a laptop. */
    private static Text slow(long n) {
        return text("WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < " + n + ") SELECT count(*) FROM r");
    }

    @Test
    void engineTimeoutInterruptsASlowQuery() {
        try (Engine e = Engine.create("sqlite:///" + dir.resolve("t.db"), EngineOptions.defaults().statementTimeout(Duration.ofMillis(200)));
             Connection c = e.connect()) {
            long t0 = System.nanoTime();
            StatementTimeoutError err = assertThrows(StatementTimeoutError.class, () -> c.execute(slow(2_000_000_000L)).all());
            assertTrue(System.nanoTime() - t0 < 5_000_000_000L, "interrupted long before the end");
            assertTrue(err.getMessage().contains("WITH RECURSIVE"), err.getMessage());
            assertEquals(1000L, ((Number) c.execute(slow(1000)).one().get(0)).longValue());
        }
    }

    @Test
    void perStatementTimeoutIsClearedAfterTheStatement() {
        try (Engine e = Engine.create("sqlite:///" + dir.resolve("p.db")); Connection c = e.connect()) {
            assertThrows(StatementTimeoutError.class, () -> c.execute(slow(2_000_000_000L), Duration.ofMillis(100)).all());
            // the same connection, no timeout: a query longer than 100 ms runs to the end
            long t0 = System.nanoTime();
            assertEquals(3_000_000L, ((Number) c.execute(slow(3_000_000)).one().get(0)).longValue());
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertTrue(ms > 0, "took " + ms + " ms");
            // DML: an UPDATE that scans the table once per row (no index) is cut short
            var nums = org.athanor.core.schema.Table.of("nums", org.athanor.core.schema.Table.col("n", org.athanor.core.type.SqlTypes.BIGINT));
            var n = nums.column("n", Long.class);
            var other = nums.as("b");
            var bn = other.column("n", Long.class);
            c.executeSql("CREATE TABLE nums (n BIGINT)");
            c.executeSql("INSERT INTO nums WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 20000) SELECT n FROM r");
            var update = update(nums).set(n, n.plus(1L)).where(notExists(select(bn).from(other).where(bn.eq(n.plus(1_000_000L)))));
            c.commit();
            assertThrows(StatementTimeoutError.class, () -> c.execute(update, Duration.ofMillis(100)));
            // SQLite rolls the interrupted transaction back whole: no row was changed
            assertEquals(20000L, ((Number) c.execute(text("SELECT max(n) FROM nums")).one().get(0)).longValue());
            assertEquals(20000, c.execute(update(nums).set(n, n.plus(1L)).where(n.le(20000L)), Duration.ofSeconds(30)));
        }
    }

    @Test
    void waitingPastTheConnectionTimeoutIsAPoolTimeoutError() {
        try (Engine e = Engine.create("sqlite:///" + dir.resolve("pool.db"), EngineOptions.defaults().poolSize(1).connectionTimeout(Duration.ofMillis(300)));
             Connection held = e.connect()) {
            PoolTimeoutError err = assertThrows(PoolTimeoutError.class, e::connect);
            assertTrue(err.getMessage().contains("(size 1, 1 in use, 0 idle, 1 waiting)"), err.getMessage());
            assertEquals(1, held.execute(select(literal(1))).one()._1);
        }
    }
}
