package org.athanor.sqlite;

import static org.athanor.core.sql.Sql.*;
import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.athanor.core.engine.Connection;
import org.athanor.core.engine.Engine;
import org.athanor.core.engine.EngineOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The statement cache's hits, counted by each pooled connection on its own (core's StatementCacheHitsTest), add up
 * exactly in {@link Engine#cacheStats()} when several threads run statements at once.
 */
class SqliteCacheHitsTest {
    @TempDir Path dir;

    @Test
    void everyExecutionOnAnyPooledConnectionIsOneHit() throws Exception {
        int threads = 4, runs = 300;
        try (Engine engine = Engine.create("sqlite:///" + dir.resolve("hits.db"), EngineOptions.defaults().poolSize(threads))) {
            engine.inTransaction(c -> assertEquals(-1L, c.scalar(select(param(-1L)))));
            Engine.CacheStats before = engine.cacheStats();
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            CountDownLatch start = new CountDownLatch(1);
            try {
                List<Future<?>> jobs = new ArrayList<>();
                for (int t = 0; t < threads; t++)
                    jobs.add(pool.submit(() -> {
                        start.await();
                        for (long i = 0; i < runs; i++)
                            try (Connection c = engine.connect()) {
                                assertEquals(i, c.scalar(select(param(i))));
                            }
                        return null;
                    }));
                start.countDown();
                for (Future<?> f : jobs) f.get();
            } finally {
                pool.shutdownNow();
            }
            Engine.CacheStats after = engine.cacheStats();
            assertEquals(before.misses(), after.misses(), "one shape, compiled before");
            assertEquals(before.hits() + (long) threads * runs, after.hits(), "every execution one hit, whichever connection ran it");
            assertEquals(after.hits(), engine.cacheStats().hits(), "read again: the same");
        }
    }
}
