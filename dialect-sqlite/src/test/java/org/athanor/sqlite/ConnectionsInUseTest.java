package org.athanor.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.athanor.core.engine.Connection;
import org.athanor.core.engine.Engine;
import org.athanor.core.engine.EngineOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Engine#connectionsInUse()} counts the Connections checked out and neither closed nor reclaimed unclosed by
 * the garbage collector (it is the count of the watch every checkout is under).
 */
class ConnectionsInUseTest {
    @TempDir Path dir;

    /** Opens a connection and drops it unclosed. */
    private static void leak(Engine e) { e.connect(); }

    @Test
    void countsOpenConnectionsUntilClosedOrReclaimed() throws InterruptedException {
        try (Engine e = Engine.create("sqlite:///" + dir.resolve("in-use.db"), EngineOptions.defaults().poolSize(3))) {
            assertEquals(0, e.connectionsInUse());
            Connection a = e.connect();
            Connection b = e.connect();
            assertEquals(2, e.connectionsInUse());
            b.close();
            b.close(); // a second close counts nothing
            assertEquals(1, e.connectionsInUse());
            leak(e);
            assertEquals(2, e.connectionsInUse(), "an unclosed connection counts until it is reclaimed");
            for (int i = 0; i < 100 && e.connectionsInUse() > 1; i++) {
                System.gc();
                Thread.sleep(20);
            }
            assertEquals(1, e.connectionsInUse(), "the leaked connection, reclaimed, no longer counts");
            a.close();
            assertEquals(0, e.connectionsInUse());
        }
    }
}
