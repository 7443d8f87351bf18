package org.athanor.orm;

import static org.athanor.core.sql.Sql.*;
import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.athanor.core.engine.Connection;
import org.athanor.core.engine.Engine;
import org.athanor.core.engine.EngineOptions;
import org.athanor.core.routing.RoutingEngine;
import org.athanor.core.schema.Column;
import org.athanor.core.type.SqlTypes;
import org.athanor.core.testing.ScaleOutDatabases;
import org.athanor.core.testing.TestDatabases;
import org.athanor.orm.mapping.ClassMapping;
import org.athanor.orm.model.shard.ShardCustomer;
import org.athanor.orm.model.shard.ShardOrder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The ORM Session over a RoutingEngine on a real PostgreSQL primary (5433) and its streaming standby
 * (5434): reads go to the standby until the session flushes, then it sticks to the primary until
 * commit; readFromPrimary() gives read-your-writes after a commit. Where each statement ran is asked
 * with pg_is_in_recovery() on the session's own connection.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresRoutedSessionTest {
    static final Registry REGISTRY = Registry.of(ShardCustomer.class, ShardOrder.class);
    static final Column<String> NAME = ClassMapping.column(ShardCustomer.class, "name", String.class);

    private Engine admin;
    private Engine primary;
    private Engine standby;
    private String schema;
    private SessionFactory sessions;

    @BeforeAll
    void setUp() throws InterruptedException {
        admin = ScaleOutDatabases.primary();
        schema = TestDatabases.uniqueName("orm_routed");
        admin.inTransaction(c -> c.executeSql("CREATE SCHEMA " + schema));
        Map<String, String> inSchema = Map.of("currentSchema", schema);
        primary = TestDatabases.server("PostgreSQL primary", ScaleOutDatabases.primaryUrl(), EngineOptions.defaults().poolSize(4).driverProperties(inSchema));
        standby = TestDatabases.server("PostgreSQL standby", ScaleOutDatabases.standbyUrl(), ScaleOutDatabases.replicaOptions().driverProperties(inSchema));
        REGISTRY.metadata().createAll(primary);
        sessions = SessionFactory.of(RoutingEngine.builder(primary).replica(standby).build(), REGISTRY);
        awaitStandby(0);
    }

    @AfterAll
    void tearDown() {
        if (standby != null) standby.close();
        if (primary != null) primary.close();
        if (admin != null) {
            admin.inTransaction(c -> c.executeSql("DROP SCHEMA " + schema + " CASCADE"));
            admin.close();
        }
    }

    /** Waits until the standby holds {@code rows} customers (it has replayed the primary's commits). */
    private void awaitStandby(long rows) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            try (Connection c = standby.connect()) {
                if (c.scalar(select(count()).from(REGISTRY.table(ShardCustomer.class))) == rows) return;
            } catch (RuntimeException notYet) {
                // the schema or table is not replayed yet
            }
            Thread.sleep(20);
        }
        fail("the standby did not replay " + rows + " customers in 20 s");
    }

    private static boolean onStandby(Session s) {
        return s.execute(select(func("pg_is_in_recovery", SqlTypes.BOOLEAN))).one()._1();
    }

    @Test
    void readsUseTheStandbyUntilAFlushThenThePrimaryUntilCommit() throws InterruptedException {
        long before;
        try (Session s = sessions.openSession()) {
            before = s.query(ShardCustomer.class).count();
            assertTrue(onStandby(s), "a reading session reads from the standby");
            assertFalse(s.isOnPrimary());
            s.add(new ShardCustomer("routed-" + before, "EU", 1));
            assertFalse(s.isOnPrimary(), "nothing flushed yet");
            s.flush();
            assertTrue(s.isOnPrimary());
            assertFalse(onStandby(s), "after the flush the session is on the primary");
            assertEquals(before + 1, s.query(ShardCustomer.class).count(), "and reads its own flushed row");
            s.commit();
            assertTrue(onStandby(s), "a new transaction reads from the standby again");
            s.commit();
            s.readFromPrimary();
            assertFalse(onStandby(s), "readFromPrimary");
            assertEquals(before + 1, s.query(ShardCustomer.class).count(), "read-your-writes without waiting for replication");
            s.commit();
        }
        awaitStandby(before + 1);
    }

    @Test
    void autoflushWithChangesMovesTheSessionToThePrimaryAndDmlGoesThere() {
        try (Session s = sessions.openSession()) {
            assertTrue(onStandby(s));
            s.add(new ShardCustomer("autoflushed", "US", 2));
            List<ShardCustomer> found = s.query(ShardCustomer.class).filter(NAME.eq("autoflushed")).all();
            assertEquals(1, found.size(), "the autoflush wrote it on the primary, and the query read it there");
            assertFalse(onStandby(s));
            s.rollback();
            assertTrue(onStandby(s), "rolled back: the next transaction reads from the standby");
            s.execute(update(REGISTRY.table(ShardCustomer.class)).set(NAME, "x").where(NAME.eq("nobody")));
            assertFalse(onStandby(s), "DML through the session runs on the primary");
            s.rollback();
        }
    }
}
