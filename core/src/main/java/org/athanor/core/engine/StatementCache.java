package org.athanor.core.engine;

import java.util.Iterator;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.athanor.core.compile.CacheKey;
import org.athanor.core.compile.CompiledTemplate;

/**
 * A bounded map from statement shape to compiled SQL (SQLAlchemy's compiled cache). When full,
 * about a tenth of the entries are dropped before a new one goes in, so the size never passes
 * the bound and lookups stay lock-free.
 */
final class StatementCache {
    private final int capacity;
    private final ConcurrentHashMap<CacheKey, CompiledTemplate> map;
    private final AtomicLong hits = new AtomicLong();
    private final AtomicLong misses = new AtomicLong();

    StatementCache(int capacity) {
        this.capacity = capacity;
        this.map = new ConcurrentHashMap<>(Math.max(16, capacity * 2));
    }

    CompiledTemplate get(CacheKey key) {
        if (capacity == 0) return null;
        CompiledTemplate t = map.get(key);
        if (t != null) hits.incrementAndGet();
        else misses.incrementAndGet();
        return t;
    }

    /** Synchronized (misses only, the cold path): two writers must not both pass the size check and overshoot the bound. */
    synchronized void put(CacheKey key, CompiledTemplate t) {
        if (capacity == 0) return;
        if (map.size() >= capacity) {
            int drop = Math.max(1, capacity / 10);
            Iterator<CacheKey> it = map.keySet().iterator();
            while (drop-- > 0 && it.hasNext()) { it.next(); it.remove(); }
        }
        map.put(key, t);
    }

    int size() { return map.size(); }
    long hits() { return hits.get(); }
    long misses() { return misses.get(); }
    void clear() { map.clear(); }
}
