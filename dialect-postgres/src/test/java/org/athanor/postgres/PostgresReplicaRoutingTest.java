package org.athanor.postgres;

import static org.athanor.core.sql.Sql.*;
import static org.athanor.core.type.SqlTypes.*;
import static org.junit.jupiter.api.Assertions.*;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.athanor.core.engine.Connection;
import org.athanor.core.engine.Engine;
import org.athanor.core.routing.ReplicaUnavailableError;
import org.athanor.core.routing.RoutingEngine;
import org.athanor.core.routing.RoutingEngine.ReadFrom;
import org.athanor.core.schema.Column;
import org.athanor.core.schema.MetaData;
import org.athanor.core.schema.Table;
import org.athanor.core.testing.ScaleOutDatabases;
import org.athanor.core.testing.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Read-replica routing on a real PostgreSQL primary (5433) and its streaming standby (5434), made by
 * .ci/pg-clusters.sh with pg_basebackup -R. Where each statement ran is checked with
 * pg_is_in_recovery() on the very connection it used.
 */
class PostgresReplicaRoutingTest {
    static final class Notes extends Table {
        final Column<Long> ID = column("id", BIGINT, primaryKey());
        final Column<String> BODY = column("body", varchar(40), notNull());
        Notes(String name) { super(name); }
    }

    private static Engine primary;
    private static Engine standby;
    private static Notes N;
    private static MetaData md;

    @BeforeAll
    static void setUp() {
        primary = ScaleOutDatabases.primary();
        standby = ScaleOutDatabases.standby();
        N = new Notes(TestDatabases.uniqueName("pg_notes"));
        md = MetaData.of(N);
        md.createAll(primary);
        awaitOnStandby(0); // the CREATE TABLE has been replayed
    }

    @AfterAll
    static void tearDown() {
        if (primary != null) TestDatabases.dropAndClose(primary, md);
        if (standby != null) standby.close();
    }

    static boolean inRecovery(Connection c) {
        try (ResultSet rs = c.jdbc().createStatement().executeQuery("SELECT pg_is_in_recovery()")) {
            rs.next();
            return rs.getBoolean(1);
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    static long count(Connection c) { return c.scalar(select(org.athanor.core.sql.Sql.count()).from(N)); }

    /** Waits until the standby has replayed the primary's writes up to {@code rows} rows in the table. */
    static void awaitOnStandby(long rows) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        RuntimeException last = null;
        while (System.nanoTime() < deadline) {
            try (Connection c = standby.connect()) {
                if (count(c) == rows) return;
            } catch (RuntimeException e) {
                last = e; // the table is not there yet
            }
            try { Thread.sleep(20); } catch (InterruptedException e) { throw new AssertionError(e); }
        }
        throw new AssertionError("the standby did not replay " + rows + " rows of " + N.name() + " in 20 s", last);
    }

    private static RoutingEngine router() {
        // the router is not closed by the tests: it would close the shared engines
        return RoutingEngine.builder(primary).replica(standby).retryDownAfter(Duration.ofMillis(200)).build();
    }

    @Test
    void readsLandOnTheStandbyAndWritesOnThePrimary() {
        RoutingEngine db = router();
        long before = db.fromTransaction(PostgresReplicaRoutingTest::count);
        assertFalse(db.fromTransaction(PostgresReplicaRoutingTest::inRecovery), "a transaction runs on the primary");
        db.inTransaction(c -> {
            assertFalse(inRecovery(c));
            c.execute(insert(N).set(N.ID, 1000L + before).set(N.BODY, "written"));
        });
        assertTrue(db.fromRead(PostgresReplicaRoutingTest::inRecovery), "a read runs on the standby");
        try (Connection c = db.connectForRead()) {
            assertTrue(inRecovery(c));
        }
        awaitOnStandby(before + 1);
        assertEquals(before + 1, db.fromRead(PostgresReplicaRoutingTest::count), "the standby has the primary's row");
    }

    @Test
    void forUpdateAndDmlGoToThePrimary() {
        RoutingEngine db = router();
        try (Connection c = db.connectFor(select(N.ID).from(N).forUpdate())) {
            assertFalse(inRecovery(c), "FOR UPDATE");
        }
        try (Connection c = db.connectFor(select(N.ID).from(N).forShare())) {
            assertFalse(inRecovery(c), "FOR SHARE");
        }
        try (Connection c = db.connectFor(update(N).set(N.BODY, "x").where(N.ID.eq(-1L)))) {
            assertFalse(inRecovery(c), "UPDATE");
            c.execute(update(N).set(N.BODY, "x").where(N.ID.eq(-1L)));
        }
        try (Connection c = db.connectFor(select(N.ID).from(N))) {
            assertTrue(inRecovery(c), "a plain SELECT");
        }
        try (Connection c = db.connectFor(select(N.ID).from(N).union(select(N.ID).from(N)))) {
            assertTrue(inRecovery(c), "a UNION of plain SELECTs");
        }
    }

    @Test
    void readYourWritesFromThePrimary() {
        RoutingEngine db = router();
        long id = 5000L + System.nanoTime() % 1000;
        db.inTransaction(c -> c.execute(insert(N).set(N.ID, id).set(N.BODY, "mine")));
        // no waiting for replication: the primary has it at once
        String body = db.fromRead(ReadFrom.PRIMARY, c -> {
            assertFalse(inRecovery(c));
            return c.scalar(select(N.BODY).from(N).where(N.ID.eq(id)));
        });
        assertEquals("mine", body);
    }

    /**
     * Runs on the spare standby (5437), not the shared one: stopping a server mid-run must not
     * disturb other tests, nor other test runs on this machine, that read from the standby.
     * Other test runs on this machine take turns on the spare ({@code lockSpare}).
     * The routers run on a ticker the test moves: the back-off ends when the test says so, not when
     * the wall clock does, so a slow machine (stopping and restarting a server can take longer than
     * any back-off one would choose) cannot end it early and send a read to the standby too soon.
     */
    @Test
    void aStoppedStandbyIsSkippedAndReadsFallBackWithoutError() throws Exception {
        try (java.io.Closeable turn = ScaleOutDatabases.lockSpare(); Engine spare = ScaleOutDatabases.spare()) {
            AtomicLong now = new AtomicLong(System.nanoTime());
            Duration backoff = Duration.ofSeconds(3);
            RoutingEngine db = RoutingEngine.builder(primary).replica(spare).retryDownAfter(backoff).ticker(now::get).build();
            RoutingEngine strict = RoutingEngine.builder(primary).replica(spare).fallbackToPrimary(false)
                    .retryDownAfter(backoff).ticker(now::get).build();
            long rows = db.fromTransaction(PostgresReplicaRoutingTest::count);
            assertTrue(readsReachTheStandby(db, now, backoff), "reads on the spare standby");
            ScaleOutDatabases.clusters("stop-spare");
            try {
                // the pooled standby connections are dead now: the read falls back to the primary, no error
                for (int i = 0; i < 3; i++) {
                    assertEquals(rows, db.fromRead(PostgresReplicaRoutingTest::count));
                    assertFalse(db.fromRead(PostgresReplicaRoutingTest::inRecovery), "fell back to the primary");
                }
                RoutingEngine.ReplicaStatus st = db.replicaStatus().get(0);
                assertFalse(st.usable());
                assertTrue(st.reason().startsWith("down:"), st.reason());
                ReplicaUnavailableError e = assertThrows(ReplicaUnavailableError.class, () -> strict.fromRead(PostgresReplicaRoutingTest::count));
                assertTrue(e.getMessage().contains("5437") && e.getMessage().contains("fallbackToPrimary"), e.getMessage());
            } finally {
                ScaleOutDatabases.clusters("start-spare"); // returns once the spare is back in recovery, taking connections
            }
            // up again, but within its back-off: still skipped, to the last nanosecond of it
            assertFalse(db.fromRead(PostgresReplicaRoutingTest::inRecovery), "in its back-off: the primary");
            now.addAndGet(backoff.toNanos() - 1);
            assertFalse(db.fromRead(PostgresReplicaRoutingTest::inRecovery), "1 ns before the back-off ends: the primary");
            assertFalse(db.replicaStatus().get(0).usable(), "still down by the router's time");
            // after the back-off the standby is tried again and used
            now.addAndGet(1);
            assertTrue(db.replicaStatus().get(0).usable(), "the back-off is over");
            assertTrue(readsReachTheStandby(db, now, backoff), "reads return to the standby once it is up again");
        }
    }

    /**
     * Whether a read of {@code db} reaches its standby within a minute. After a try that does not (the standby was
     * skipped: down — a busy machine can take longer than the replica's 1.5 s connection timeout to let a connection
     * in — or lagging), the test moves the router's ticker on by {@code step} (past that back-off, or to the next
     * lag check) and tries again.
     */
    private static boolean readsReachTheStandby(RoutingEngine db, AtomicLong now, Duration step) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!db.fromRead(PostgresReplicaRoutingTest::inRecovery)) {
            if (System.nanoTime() > deadline) return false;
            Thread.sleep(250);
            now.addAndGet(step.toNanos());
        }
        return true;
    }

    /**
     * On the spare standby too: pausing replay must not make the shared standby stale for other tests. The router
     * runs on the test's ticker (its lag checks are due when the test says), and the test waits for the lag to show
     * rather than sleeping a guessed time.
     */
    @Test
    void aStandbyBehindByMoreThanMaxLagIsNotUsed() throws Exception {
        try (java.io.Closeable turn = ScaleOutDatabases.lockSpare(); Engine standby = ScaleOutDatabases.spare()) {
            behindByMoreThanMaxLag(standby);
        }
    }

    private void behindByMoreThanMaxLag(Engine standby) throws Exception {
        AtomicLong now = new AtomicLong(System.nanoTime());
        Duration every = Duration.ofMillis(100);
        RoutingEngine db = RoutingEngine.builder(primary).replica(standby)
                .maxLag(Duration.ofMillis(300), PostgresReplication.standbyLag()).lagCheckEvery(every).ticker(now::get).build();
        assertTrue(readsReachTheStandby(db, now, every), "a caught-up standby is used");
        try (Connection c = standby.connect()) {
            c.jdbc().createStatement().execute("SELECT pg_wal_replay_pause()");
        }
        try {
            db.inTransaction(c -> c.execute(insert(N).set(N.ID, 9000L + System.nanoTime() % 1000).set(N.BODY, "lagging")));
            // The paused standby lags once the insert's WAL has reached it: the primary's WAL writer sends it
            // (synchronous_commit = off on these clusters: up to three wal_writer_delay rounds, more on a busy
            // machine), and from then on the lag grows. Wait for that instead of guessing a sleep.
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            long lag;
            do {
                Thread.sleep(50);
                try (Connection c = standby.connect()) {
                    lag = PostgresReplication.standbyLag().lag(c).toMillis();
                }
            } while (lag < 300 && System.nanoTime() < deadline);
            assertTrue(lag >= 300, "the paused standby reports its lag: " + lag + " ms");
            now.addAndGet(every.toNanos()); // the router's next lag check is due
            assertFalse(db.fromRead(PostgresReplicaRoutingTest::inRecovery), "a lagging standby is skipped");
            RoutingEngine.ReplicaStatus st = db.replicaStatus().get(0);
            assertTrue(!st.usable() && st.reason().startsWith("lagging: behind by"), st.toString());
        } finally {
            try (Connection c = standby.connect()) {
                c.jdbc().createStatement().execute("SELECT pg_wal_replay_resume()");
            }
        }
        assertTrue(readsReachTheStandby(db, now, every), "the standby is used again once it has caught up");
    }
}
