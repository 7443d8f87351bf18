package org.athanor.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.athanor.core.engine.Connection;
import org.athanor.core.engine.Engine;
import org.athanor.core.engine.EngineOptions;
import org.athanor.core.error.ResourceClosedError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checkout's record of the threads that borrow from an engine's own pool (one entry per thread, its waiting flag
 * written at each checkout): a thread waiting in the pool is woken by {@link Engine#close()} at once, not at the end of
 * the pool's timeout, and the entries of threads that ended are dropped as the record grows.
 */
class CheckoutBorrowersTest {
    @TempDir Path dir;

    private Engine engine(String name) {
        return Engine.create("sqlite:///" + dir.resolve(name), EngineOptions.defaults().poolSize(1).connectionTimeout(Duration.ofSeconds(30)));
    }

    /** How many threads the engine's checkout knows (read through reflection: the checkout is the engine's own). */
    private static int borrowersKnown(Engine e) throws ReflectiveOperationException {
        java.lang.reflect.Field f = Engine.class.getDeclaredField("checkout");
        f.setAccessible(true);
        Object checkout = f.get(e);
        java.lang.reflect.Method m = checkout.getClass().getDeclaredMethod("borrowersKnown");
        m.setAccessible(true);
        return (Integer) m.invoke(checkout);
    }

    @Test
    void closeWakesAThreadWaitingInThePoolAtOnce() throws Exception {
        Engine e = engine("wake.db");
        AtomicReference<Throwable> ending = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(1);
        Thread waiter;
        try (Connection held = e.connect()) { // the pool's one connection: the next checkout waits
            waiter = new Thread(() -> {
                try (Connection c = e.connect()) {
                    ending.set(new AssertionError("got a connection the pool did not have"));
                } catch (Throwable t) {
                    ending.set(t);
                } finally {
                    done.countDown();
                }
            }, "checkout-waiter");
            waiter.start();
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (waiter.getState() != Thread.State.TIMED_WAITING && System.nanoTime() < deadline) Thread.sleep(10);
            Thread.sleep(100);
            long start = System.nanoTime();
            e.close();
            assertTrue(done.await(10, java.util.concurrent.TimeUnit.SECONDS), "the waiting thread is woken by close(), not by the 30 s timeout");
            assertTrue(System.nanoTime() - start < 10_000_000_000L);
        }
        assertInstanceOf(ResourceClosedError.class, ending.get(), String.valueOf(ending.get()));
        waiter.join();
        assertFalse(waiter.isInterrupted(), "the interrupt was close()'s, and is cleared");
    }

    @Test
    void theEntriesOfEndedThreadsAreDroppedAsTheRecordGrows() throws Exception {
        try (Engine e = engine("ended.db")) {
            for (int i = 0; i < 200; i++) {
                Thread t = new Thread(() -> e.connect().close());
                t.start();
                t.join();
            }
            e.connect().close();
            assertTrue(borrowersKnown(e) <= 64, borrowersKnown(e) + " threads known, 199 of them ended");
            e.connect().close(); // this thread's entry is kept: no new entry
            int known = borrowersKnown(e);
            e.connect().close();
            assertEquals(known, borrowersKnown(e));
        }
    }
}
