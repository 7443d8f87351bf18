package org.athanor.core.engine;

import java.time.Duration;
import java.util.Map;

/**
 * Engine settings. Immutable; each {@code withX} returns a copy.
 * <pre>{@code
 * Engine.create("sqlite:///app.db", EngineOptions.defaults().echo(true).poolSize(4));
 * }</pre>
 */
public record EngineOptions(boolean echo, int poolSize, Duration connectionTimeout, IsolationLevel isolationLevel,
                            int statementCacheSize, int fetchSize, Map<String, String> driverProperties) {
    public EngineOptions {
        if (poolSize < 1) throw new IllegalArgumentException("poolSize cannot be less than 1, got " + poolSize);
        if (statementCacheSize < 0) throw new IllegalArgumentException("statementCacheSize cannot be negative, got " + statementCacheSize);
        if (fetchSize < 0) throw new IllegalArgumentException("fetchSize cannot be negative, got " + fetchSize);
        if (connectionTimeout == null || connectionTimeout.toMillis() < 250)
            throw new IllegalArgumentException("connectionTimeout must be at least 250 ms, got " + connectionTimeout);
        driverProperties = Map.copyOf(driverProperties);
    }

    public static EngineOptions defaults() {
        return new EngineOptions(false, 10, Duration.ofSeconds(30), null, 500, 0, Map.of());
    }

    /** Log every statement, its parameters and whether its SQL came from the cache (SLF4J logger {@code org.athanor.engine}). */
    public EngineOptions echo(boolean on) { return new EngineOptions(on, poolSize, connectionTimeout, isolationLevel, statementCacheSize, fetchSize, driverProperties); }
    public EngineOptions poolSize(int n) { return new EngineOptions(echo, n, connectionTimeout, isolationLevel, statementCacheSize, fetchSize, driverProperties); }
    public EngineOptions connectionTimeout(Duration d) { return new EngineOptions(echo, poolSize, d, isolationLevel, statementCacheSize, fetchSize, driverProperties); }
    /** Isolation level of every connection (null: the database's default). */
    public EngineOptions isolationLevel(IsolationLevel l) { return new EngineOptions(echo, poolSize, connectionTimeout, l, statementCacheSize, fetchSize, driverProperties); }
    /** Compiled statements kept; 0 turns the cache off. */
    public EngineOptions statementCacheSize(int n) { return new EngineOptions(echo, poolSize, connectionTimeout, isolationLevel, n, fetchSize, driverProperties); }
    /** JDBC fetch size for queries (0: the driver's default). Streaming results set their own. */
    public EngineOptions fetchSize(int n) { return new EngineOptions(echo, poolSize, connectionTimeout, isolationLevel, statementCacheSize, n, driverProperties); }
    /** Extra JDBC driver properties. */
    public EngineOptions driverProperties(Map<String, String> p) { return new EngineOptions(echo, poolSize, connectionTimeout, isolationLevel, statementCacheSize, fetchSize, p); }
}
