package org.athanor.sqlite;

import static org.athanor.core.sql.Sql.*;
import static org.athanor.core.type.SqlTypes.*;
import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.athanor.core.engine.Connection;
import org.athanor.core.engine.Engine;
import org.athanor.core.error.ConfigurationError;
import org.athanor.core.routing.ReplicaUnavailableError;
import org.athanor.core.routing.RoutingEngine;
import org.athanor.core.routing.RoutingEngine.Balance;
import org.athanor.core.routing.RoutingEngine.ReadFrom;
import org.athanor.core.schema.Column;
import org.athanor.core.schema.Table;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * How a RoutingEngine chooses, with SQLite files standing in for a primary and its replicas (each
 * file says which it is): round robin and least busy, closed and lagging replicas skipped, the
 * statement classification, and the settings' validation. Replication itself is tested on a real
 * PostgreSQL standby (PostgresReplicaRoutingTest).
 */
class RoutingEngineChoiceTest {
    static final class Whoami extends Table {
        final Column<String> NAME = column("name", varchar(10), primaryKey());
        Whoami() { super("whoami"); }
    }

    static final Whoami W = new Whoami();
    private Path dir;
    private final List<Engine> engines = new ArrayList<>();

    private Engine server(String name) {
        Engine e = Engine.create("sqlite:///" + dir.resolve(name + ".db"));
        engines.add(e);
        e.inTransaction(c -> {
            c.executeSql("CREATE TABLE whoami (name VARCHAR(10) PRIMARY KEY)");
            c.execute(insert(W).set(W.NAME, name));
        });
        return e;
    }

    static String who(Connection c) { return c.scalar(select(W.NAME).from(W)); }

    @BeforeEach
    void open() throws IOException { dir = Files.createTempDirectory("athanor-routing"); }

    @AfterEach
    void close() throws IOException {
        engines.forEach(Engine::close);
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) Files.delete(f);
        }
        Files.delete(dir);
    }

    @Test
    void roundRobinTakesEachReplicaInTurnAndWritesGoToThePrimary() {
        RoutingEngine db = RoutingEngine.builder(server("p")).replica(server("r1")).replica(server("r2")).build();
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < 6; i++) seen.add(db.fromRead(RoutingEngineChoiceTest::who));
        assertEquals(3, seen.stream().filter("r1"::equals).count(), seen.toString());
        assertEquals(3, seen.stream().filter("r2"::equals).count(), seen.toString());
        assertNotEquals(seen.get(0), seen.get(1), "alternating: " + seen);
        assertEquals("p", db.fromTransaction(RoutingEngineChoiceTest::who));
        assertEquals("p", db.fromRead(ReadFrom.PRIMARY, RoutingEngineChoiceTest::who));
        try (Connection c = db.connectFor(update(W).set(W.NAME, "x").where(W.NAME.eq("none")))) {
            assertEquals("p", who(c));
        }
        try (Connection c = db.connectFor(select(W.NAME).from(W).forUpdate())) {
            assertEquals("p", who(c));
        }
        try (Connection c = db.connectFor(select(W.NAME).from(W))) {
            assertTrue(who(c).startsWith("r"));
        }
    }

    @Test
    void weightsSplitReadsAsConfiguredWithThePrimaryTakingItsShare() {
        RoutingEngine db = RoutingEngine.builder(server("p")).primaryReadWeight(1).replica(server("r1"), 3).build();
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < 8; i++) seen.add(db.fromRead(RoutingEngineChoiceTest::who));
        assertEquals(2, seen.stream().filter("p"::equals).count(), seen.toString());
        assertEquals(6, seen.stream().filter("r1"::equals).count(), seen.toString());
        for (int i = 1; i < seen.size(); i++)
            assertFalse(seen.get(i).equals("p") && seen.get(i - 1).equals("p"), "the primary's turns are spread out: " + seen);
        assertThrows(ConfigurationError.class, () -> RoutingEngine.builder(server("x")).replica(server("y"), 0));
    }

    @Test
    void leastBusyTakesTheReplicaWithFewestConnectionsInUse() {
        Engine r1 = server("r1");
        Engine r2 = server("r2");
        RoutingEngine db = RoutingEngine.builder(server("p")).replica(r1).replica(r2).balance(Balance.LEAST_BUSY).build();
        try (Connection held1 = r1.connect(); Connection held2 = r1.connect()) {
            assertEquals(2, r1.connectionsInUse());
            for (int i = 0; i < 4; i++) assertEquals("r2", db.fromRead(RoutingEngineChoiceTest::who));
            try (Connection a = r2.connect(); Connection b = r2.connect(); Connection c = r2.connect()) {
                assertEquals("r1", db.fromRead(RoutingEngineChoiceTest::who), "r2 is busier now");
            }
        }
        assertEquals(0, r1.connectionsInUse());
        assertEquals(0, r2.connectionsInUse());
    }

    @Test
    void aClosedReplicaIsSkippedAndWithoutFallbackTheErrorNamesIt() {
        Engine r1 = server("r1");
        Engine p = server("p");
        RoutingEngine db = RoutingEngine.builder(p).replica(r1).build();
        RoutingEngine strict = RoutingEngine.builder(p).replica(r1).fallbackToPrimary(false).build();
        assertEquals("r1", db.fromRead(RoutingEngineChoiceTest::who));
        r1.close();
        assertEquals("p", db.fromRead(RoutingEngineChoiceTest::who));
        ReplicaUnavailableError e = assertThrows(ReplicaUnavailableError.class, strict::connectForRead);
        assertTrue(e.getMessage().contains("r1.db") && e.getMessage().contains("its engine is closed"), e.getMessage());
    }

    @Test
    void aReplicaOverTheMaximumLagIsSkippedUntilItsNextCheck() throws InterruptedException {
        Engine r1 = server("r1");
        Duration[] lag = {Duration.ofSeconds(10)};
        RoutingEngine db = RoutingEngine.builder(server("p")).replica(r1)
                .maxLag(Duration.ofSeconds(1), c -> lag[0]).lagCheckEvery(Duration.ofSeconds(2)).build();
        assertEquals("p", db.fromRead(RoutingEngineChoiceTest::who));
        assertTrue(db.replicaStatus().get(0).reason().contains("behind by 10000 ms"), db.replicaStatus().toString());
        lag[0] = Duration.ZERO;
        assertEquals("p", db.fromRead(RoutingEngineChoiceTest::who), "not checked again before lagCheckEvery");
        Thread.sleep(2100);
        assertEquals("r1", db.fromRead(RoutingEngineChoiceTest::who));
        assertEquals(0, r1.connectionsInUse(), "the lag check's connections were closed");
    }

    @Test
    void statementsThatWriteOrLockAreTold() {
        assertFalse(RoutingEngine.writes(select(W.NAME).from(W)));
        assertTrue(RoutingEngine.writes(select(W.NAME).from(W).forUpdate()));
        assertTrue(RoutingEngine.writes(select(W.NAME).from(W).forShare()));
        assertTrue(RoutingEngine.writes(insert(W).set(W.NAME, "x")));
        assertTrue(RoutingEngine.writes(deleteFrom(W)));
        assertFalse(RoutingEngine.writes(select(W.NAME).from(W).union(select(W.NAME).from(W))));
        assertTrue(RoutingEngine.writes(select(W.NAME).from(W).union(select(W.NAME).from(W).forUpdate())));
    }

    @Test
    void badSettingsAreRefusedWithWhatWasExpected() {
        Engine p = server("p");
        Engine r = server("r");
        assertThrows(ConfigurationError.class, () -> RoutingEngine.builder(p).replica(p));
        assertThrows(ConfigurationError.class, () -> RoutingEngine.builder(p).replica(r).replica(r));
        ConfigurationError e = assertThrows(ConfigurationError.class, () -> RoutingEngine.builder(p).retryDownAfter(Duration.ZERO));
        assertTrue(e.getMessage().contains("retryDownAfter must be positive"), e.getMessage());
        assertThrows(ConfigurationError.class, () -> RoutingEngine.builder(p).maxLag(Duration.ofSeconds(-1), c -> Duration.ZERO));
        assertEquals("p", RoutingEngine.of(p).fromRead(RoutingEngineChoiceTest::who), "no replicas: reads on the primary");
    }
}
