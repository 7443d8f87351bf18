package org.athanor.sqlite;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import org.athanor.core.engine.Connection;
import org.athanor.core.engine.Engine;
import org.athanor.core.engine.EngineOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The thread that finds an engine's unclosed Connections (one per engine, as a Cleaner's was) holds neither the
 * engine nor its watch list's owner while it waits: once the engine is closed and dropped, the thread ends.
 */
class UnclosedConnectionWatcherTest {
    @TempDir Path dir;

    private static long watchers() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals("athanor-unclosed-connections")).count();
    }

    /** An engine used once and closed; nothing of it is returned. */
    private void useAndClose() {
        try (Engine e = Engine.create("sqlite:///" + dir.resolve("w.db"), EngineOptions.defaults().poolSize(1))) {
            try (Connection c = e.connect()) {
                c.executeSql("CREATE TABLE t (a INTEGER)");
                c.commit();
            }
            assertTrue(watchers() >= 1, "the engine's watcher runs");
        }
    }

    @Test
    void theWatcherThreadEndsWithItsEngine() throws InterruptedException {
        useAndClose();
        long after = watchers();
        for (int i = 0; i < 100 && watchers() >= after && after > 0; i++) {
            System.gc();
            Thread.sleep(50);
        }
        assertTrue(watchers() < after, "the dropped engine's watcher thread ended (" + watchers() + " of " + after + " left)");
    }
}
