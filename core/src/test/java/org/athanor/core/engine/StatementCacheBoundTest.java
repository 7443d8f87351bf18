package org.athanor.core.engine;

import static org.athanor.core.fixtures.Users.USERS;
import static org.athanor.core.sql.Sql.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.athanor.core.internal.compile.CompiledTemplate;
import org.athanor.core.internal.compile.KeyCollector;
import org.athanor.core.dialect.GenericDialect;
import org.athanor.core.sql.Select;
import org.junit.jupiter.api.Test;

/** The cache's bound holds under concurrent writers, and lookups count hits and misses. */
class StatementCacheBoundTest {
    private static KeyCollector key(Select<?> s) { return KeyCollector.of(s); }

    @Test
    void hitsMissesAndEviction() {
        StatementCache cache = new StatementCache(3);
        List<KeyCollector> keys = new ArrayList<>();
        for (int i = 0; i < 5; i++) keys.add(key(select(USERS.NAME.as("c" + i))));
        for (KeyCollector k : keys) {
            assertNull(cache.get(k.lookupKey(), null));
            CompiledTemplate t = CompiledTemplate.of(GenericDialect.INSTANCE.compileTemplate(select(USERS.NAME), k));
            cache.put(k.storedKey(), t);
            assertTrue(cache.size() <= 3, "size " + cache.size());
        }
        assertEquals(5, cache.misses());
        assertNotNull(cache.get(key(select(USERS.NAME.as("c4"))).lookupKey(), null), "the newest entry survives eviction");
        assertEquals(1, cache.hits());
        StatementCache off = new StatementCache(0);
        off.put(keys.get(0).storedKey(), CompiledTemplate.of(GenericDialect.INSTANCE.compileTemplate(select(USERS.NAME), keys.get(0))));
        assertEquals(0, off.size());
        assertNull(off.get(keys.get(0).lookupKey(), null));
    }

    @Test
    void concurrentWritersNeverPassTheBound() throws Exception {
        StatementCache cache = new StatementCache(10);
        CompiledTemplate t = CompiledTemplate.of(GenericDialect.INSTANCE.compileTemplate(select(USERS.NAME), key(select(USERS.NAME))));
        AtomicInteger maxSeen = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> jobs = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                int writer = w;
                jobs.add(pool.submit(() -> {
                    for (int i = 0; i < 3000; i++) {
                        cache.put(key(select(USERS.NAME.as("w" + writer + "_" + i))).storedKey(), t);
                        maxSeen.accumulateAndGet(cache.size(), Math::max);
                    }
                }));
            }
            for (Future<?> f : jobs) f.get(60, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        assertTrue(maxSeen.get() <= 10, "cache grew to " + maxSeen.get() + " entries with a bound of 10");
    }

    /** CLOCK eviction: shapes looked up since the hand last passed stay; the unused ones go, one per insert. */
    @Test
    void evictionKeepsRecentlyUsedShapes() {
        StatementCache cache = new StatementCache(10);
        CompiledTemplate t = CompiledTemplate.of(GenericDialect.INSTANCE.compileTemplate(select(USERS.NAME), key(select(USERS.NAME))));
        List<KeyCollector> first = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            KeyCollector k = key(select(USERS.NAME.as("old" + i)));
            first.add(k);
            cache.put(k.storedKey(), t);
        }
        for (int i = 0; i < 10; i += 2) assertNotNull(cache.get(first.get(i).lookupKey(), null)); // the even ones are in use
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < 5; i++) cache.put(key(select(USERS.NAME.as("new" + round + "_" + i))).storedKey(), t);
            assertEquals(10, cache.size(), "one entry evicted per insert, not a tenth");
            for (int i = 0; i < 10; i += 2) assertNotNull(cache.get(first.get(i).lookupKey(), null), "used shape old" + i + " kept in round " + round);
        }
        for (int i = 1; i < 10; i += 2) assertNull(cache.get(first.get(i).lookupKey(), null), "unused shape old" + i + " evicted");
    }
}
