package org.athanor.core.internal.bulk;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.athanor.core.dialect.BulkChunk;
import org.athanor.core.dialect.KeyStrategy;

/**
 * One generated value where RETURNING promises no order and no sequence orders it (PostgreSQL, a
 * key from a server default that is not an identity): a sentinel — an inserted column whose values
 * are distinct and not null within the statement — is returned beside the key and each key goes to
 * the row with that value (SQLAlchemy 2.0's insertmanyvalues sentinels). A statement whose rows no
 * column tells apart is sent one row at a time.
 */
final class SentinelKeys implements KeyStrategy {
    static final SentinelKeys INSTANCE = new SentinelKeys();

    @Override public boolean reusable() { return true; }

    @Override
    public void insert(BulkChunk chunk) {
        int n = chunk.size();
        int sentinel = n == 1 ? -1 : sentinel(chunk);
        if (sentinel < 0) {
            for (int r = 0; r < n; r++) chunk.slice(r, r + 1).insertReturning(false);
            return;
        }
        List<Object[]> returned = chunk.insertReturningWith(sentinel);
        Map<Object, Integer> rowOf = new HashMap<>(n * 2);
        for (int r = 0; r < n; r++) rowOf.put(normal(chunk.value(r, sentinel)), r);
        Object[] keys = new Object[n];
        boolean[] seen = new boolean[n];
        int last = returned.isEmpty() ? 0 : returned.get(0).length - 1;
        for (Object[] row : returned) {
            Integer r = rowOf.get(normal(row[last]));
            if (r == null || seen[r])
                throw new IllegalStateException("INSERT ... RETURNING returned the sentinel value " + row[last]
                        + (r == null ? ", which no inserted row has" : " twice"));
            seen[r] = true;
            keys[r] = row[0];
        }
        for (int r = 0; r < n; r++) if (seen[r]) chunk.addValue(keys[r]);
    }

    /** The first column whose values in {@code chunk} are all strings, integers or UUIDs, and distinct, or -1. */
    private static int sentinel(BulkChunk chunk) {
        int n = chunk.size();
        int width = chunk.shape().columns().size();
        for (int c = 0; c < width; c++) {
            java.util.Set<Object> values = new java.util.HashSet<>(n * 2);
            boolean distinct = true;
            for (int r = 0; r < n && distinct; r++) {
                Object v = chunk.value(r, c);
                // only values the database gives back exactly as they were given (no scale, precision or padding of its own)
                distinct = (v instanceof String || v instanceof Long || v instanceof Integer || v instanceof Short
                        || v instanceof java.util.UUID) && values.add(normal(v));
            }
            if (distinct) return c;
        }
        return -1;
    }

    /** An integer of any width as a Long (the column may be read back wider than it was given), else the value. */
    private static Object normal(Object v) {
        return v instanceof Integer || v instanceof Short ? (Object) ((Number) v).longValue() : v;
    }

    @Override public String name() { return "sentinel matching"; }
}
