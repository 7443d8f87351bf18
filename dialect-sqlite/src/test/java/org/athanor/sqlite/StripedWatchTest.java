package org.athanor.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.athanor.core.engine.Connection;
import org.athanor.core.engine.Engine;
import org.athanor.core.engine.EngineOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The unclosed-connection watch keeps each checkout in the stripe of the thread that opened it: connections opened
 * on more threads than there are stripes, closed on another thread, and some dropped unclosed, are all counted by
 * {@link Engine#connectionsInUse()} until closed or reclaimed, whichever thread and stripe they came from.
 */
class StripedWatchTest {
    @TempDir Path dir;

    @Test
    void checkoutsOfManyThreadsAreCountedUntilClosedElsewhereOrReclaimed() throws Exception {
        try (Engine e = Engine.create("sqlite:///" + dir.resolve("striped.db"), EngineOptions.defaults().poolSize(60))) {
            List<Connection> open = Collections.synchronizedList(new ArrayList<>());
            // the connections dropped unclosed are held here until the counts before their reclaiming are checked:
            // a collection while the threads run would otherwise reclaim one early (the count then reads 49)
            List<Connection> dropped = Collections.synchronizedList(new ArrayList<>());
            List<Thread> openers = new ArrayList<>();
            for (int i = 0; i < 40; i++) { // more threads than stripes: several share one
                int n = i;
                Thread t = new Thread(() -> {
                    open.add(e.connect());
                    if (n % 4 == 0) dropped.add(e.connect()); // dropped unclosed, below
                });
                openers.add(t);
                t.start();
            }
            for (Thread t : openers) t.join();
            assertEquals(50, e.connectionsInUse(), "40 kept and 10 dropped unclosed, each counted once");
            List<Connection> kept = new ArrayList<>(open);
            for (int i = 0; i < 20; i++) kept.get(i).close(); // closed on this thread, not the opener's
            assertEquals(30, e.connectionsInUse());
            dropped.clear(); // now unreachable: only the watch can give them back
            for (int i = 0; i < 200 && e.connectionsInUse() > 20; i++) {
                System.gc();
                Thread.sleep(20);
            }
            assertEquals(20, e.connectionsInUse(), "the ten dropped ones were reclaimed");
            for (int i = 20; i < 40; i++) kept.get(i).close();
            kept.get(0).close(); // closed twice: counted once
            assertEquals(0, e.connectionsInUse());
        }
    }
}
