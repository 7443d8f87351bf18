package org.athanor.sqlite;

import static org.athanor.core.sql.Sql.*;
import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.athanor.core.engine.Connection;
import org.athanor.core.engine.Engine;
import org.athanor.core.engine.EngineOptions;
import org.athanor.core.error.PoolTimeoutError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Connection dropped without close() is found by the garbage collector: a warning (with where it
 * was opened when leak detection is on), its work rolled back, its pooled connection returned.
 */
class UnclosedConnectionTest {
    @TempDir Path dir;

    /** Opens a connection, writes without committing, and drops it. */
    private static void leak(Engine e) {
        Connection c = e.connect();
        c.executeSql("INSERT INTO t VALUES (1)");
    }

    /** Collects garbage until the pool of one hands out a connection again; that connection, or a failure. */
    private static Connection reclaim(Engine e) throws InterruptedException {
        for (int i = 0; i < 50; i++) {
            System.gc();
            Thread.sleep(50);
            try {
                return e.connect();
            } catch (PoolTimeoutError stillHeld) {
                // not collected yet
            }
        }
        throw new AssertionError("the leaked connection never came back to the pool");
    }

    private String run(EngineOptions options, String file) throws Exception {
        PrintStream old = System.err;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setErr(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try (Engine e = Engine.create("sqlite:///" + dir.resolve(file), options.poolSize(1).connectionTimeout(Duration.ofMillis(250)))) {
            e.inTransaction(c -> { c.executeSql("CREATE TABLE t (a INTEGER)"); });
            leak(e);
            try (Connection c = reclaim(e)) {
                assertEquals(0L, ((Number) c.execute(text("SELECT count(*) FROM t")).one().get(0)).longValue(), "the leaked insert was rolled back");
            }
        } finally {
            System.setErr(old);
        }
        return buf.toString(StandardCharsets.UTF_8);
    }

    @Test
    void withLeakDetectionTheWarningSaysWhereTheConnectionWasOpened() throws Exception {
        String log = run(EngineOptions.defaults().leakDetectionThreshold(Duration.ofSeconds(2)), "a.db");
        assertTrue(log.contains("was garbage-collected without close(): its transaction was rolled back"), log);
        assertTrue(log.contains("the unclosed Connection was opened here"), log);
        assertTrue(log.contains("UnclosedConnectionTest.leak"), log);
    }

    @Test
    void withoutItTheWarningPointsToTheOption() throws Exception {
        String log = run(EngineOptions.defaults(), "b.db");
        assertTrue(log.contains("was garbage-collected without close()"), log);
        assertTrue(log.contains("EngineOptions.leakDetectionThreshold records where"), log);
        assertFalse(log.contains("opened here"), log);
    }

    @Test
    void closedConnectionsAreNotReported() throws Exception {
        PrintStream old = System.err;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setErr(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try (Engine e = Engine.create("sqlite:///" + dir.resolve("c.db"), EngineOptions.defaults().poolSize(1))) {
            for (int i = 0; i < 100; i++) try (Connection c = e.connect()) { c.execute(select(literal(1))).all(); }
            System.gc();
            Thread.sleep(200);
        } finally {
            System.setErr(old);
        }
        assertFalse(buf.toString(StandardCharsets.UTF_8).contains("garbage-collected"), buf.toString(StandardCharsets.UTF_8));
    }
}
