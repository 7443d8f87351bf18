package org.athanor.sqlite;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.athanor.core.dialect.DialectProvider;
import org.athanor.core.dialect.DatabaseUrl;

/**
 * {@code sqlite:///relative.db}, {@code sqlite:////absolute.db}, {@code sqlite://} (memory) and
 * {@code jdbc:sqlite:...}. Files open in WAL mode with a busy timeout, so pooled writers wait for
 * each other instead of failing with SQLITE_BUSY; foreign keys are enforced; LIKE is case-sensitive.
 */
public final class SqliteDialectProvider implements DialectProvider {
    @Override public Set<String> schemes() { return Set.of("sqlite"); }

    @Override public Set<String> jdbcPrefixes() { return Set.of("jdbc:sqlite:"); }

    @Override
    public ConnectionSpec resolve(DatabaseUrl url) {
        Map<String, String> props = new LinkedHashMap<>();
        props.put("foreign_keys", "true");
        props.put("busy_timeout", url.query().getOrDefault("busy_timeout", "10000"));
        // LIKE compares case-sensitively on PostgreSQL and MySQL (utf8mb4_bin) but ignores ASCII case
        // in SQLite by default: the same statement must match the same rows (ilike() is case-insensitive)
        props.put("case_sensitive_like", "true");
        String jdbcUrl;
        boolean memory;
        if (url.jdbc()) {
            jdbcUrl = url.original();
            memory = jdbcUrl.contains(":memory:") || jdbcUrl.equals("jdbc:sqlite:") || jdbcUrl.contains("mode=memory");
        } else {
            memory = url.database() == null || url.database().equals(":memory:");
            jdbcUrl = memory ? "jdbc:sqlite::memory:" : "jdbc:sqlite:" + url.database();
        }
        if (!memory) props.put("journal_mode", "WAL");
        return new ConnectionSpec(jdbcUrl, null, null, props, SqliteDialect.INSTANCE,
                memory ? PoolShape.SINGLE_PERSISTENT : PoolShape.POOLED);
    }
}
