package org.athanor.core.engine;

import static org.athanor.core.fixtures.Users.USERS;
import static org.athanor.core.sql.Sql.*;
import static org.junit.jupiter.api.Assertions.*;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.athanor.core.dialect.GenericDialect;
import org.athanor.core.internal.compile.CompiledTemplate;
import org.athanor.core.internal.compile.KeyCollector;
import org.junit.jupiter.api.Test;

/**
 * Hits counted per owner ({@link StatementCache#hitsFor}, a physical connection's kept statements) add up exactly with
 * the shared count, under concurrent use and after an owner is gone. (An engine's pooled connections counting their
 * own: dialect-sqlite's SqliteCacheHitsTest.)
 */
class StatementCacheHitsTest {
    private static StatementCache cacheWithOneShape(KeyCollector k) {
        StatementCache cache = new StatementCache(8);
        cache.put(k.storedKey(), CompiledTemplate.of(GenericDialect.INSTANCE.compileTemplate(select(USERS.NAME), k)));
        return cache;
    }

    @Test
    void ownCountsAndTheSharedOneAddUpExactlyUnderConcurrentLookups() throws Exception {
        KeyCollector k = KeyCollector.of(select(USERS.NAME));
        StatementCache cache = cacheWithOneShape(k);
        int threads = 6, lookups = 20_000;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<?>> jobs = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                boolean own = t % 3 != 0; // two in three count in a counter of their own, the others in the shared one
                jobs.add(pool.submit(() -> {
                    Object owner = new Object();
                    StatementCache.Hits hits = own ? cache.hitsFor(owner) : null;
                    KeyCollector mine = KeyCollector.of(select(USERS.NAME));
                    start.await();
                    for (int i = 0; i < lookups; i++) assertNotNull(cache.get(mine.lookupKey(), hits));
                    assertNull(cache.get(KeyCollector.of(select(USERS.EMAIL)).lookupKey(), hits));
                    java.lang.ref.Reference.reachabilityFence(owner);
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : jobs) f.get();
        } finally {
            pool.shutdownNow();
        }
        assertEquals((long) threads * lookups, cache.hits(), "every hit counted once");
        assertEquals(threads, cache.misses());
    }

    @Test
    void theCountOfAnOwnerThatIsGoneIsKept() throws Exception {
        KeyCollector k = KeyCollector.of(select(USERS.NAME));
        StatementCache cache = cacheWithOneShape(k);
        Object owner = new Object();
        StatementCache.Hits hits = cache.hitsFor(owner);
        for (int i = 0; i < 5; i++) cache.get(k.lookupKey(), hits);
        cache.get(k.lookupKey(), null);
        assertEquals(6, cache.hits());
        WeakReference<Object> gone = new WeakReference<>(owner);
        owner = null;
        hits = null;
        for (int i = 0; i < 100 && gone.get() != null; i++) {
            System.gc();
            Thread.sleep(10);
        }
        assertNull(gone.get(), "the owner was collected");
        Object next = new Object();
        StatementCache.Hits more = cache.hitsFor(next); // folds the collected owner's count into the retired hits
        assertEquals(6, cache.hits(), "the gone owner's hits stay counted");
        cache.get(k.lookupKey(), more);
        assertEquals(7, cache.hits());
        java.lang.ref.Reference.reachabilityFence(next);
    }

}
