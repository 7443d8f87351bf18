package org.athanor.core.engine;

import java.time.Duration;
import java.util.Map;

/**
 * Engine settings. Immutable; each {@code withX} returns a copy.
 * <pre>{@code
 * Engine.create("sqlite:///app.db", EngineOptions.defaults().echo(true).poolSize(4));
 * }</pre>
 */
public record EngineOptions(boolean echo, int poolSize, Duration connectionTimeout, IsolationLevel isolationLevel, int statementCacheSize, int fetchSize, Map<String, String> driverProperties, boolean hideParameters, Duration statementTimeout, Duration socketTimeout, Duration leakDetectionThreshold, boolean prePing, FromLinting fromLinting) {
    public EngineOptions {
        if (poolSize < 1) throw new IllegalArgumentException("poolSize cannot be less than 1, got " + poolSize);
        if (statementCacheSize < 0) throw new IllegalArgumentException("statementCacheSize cannot be negative, got " + statementCacheSize);
        if (fetchSize < 0) throw new IllegalArgumentException("fetchSize cannot be negative, got " + fetchSize);
        if (connectionTimeout == null || connectionTimeout.toMillis() < 250)
            throw new IllegalArgumentException("connectionTimeout must be at least 250 ms, got " + connectionTimeout);
        java.util.Objects.requireNonNull(driverProperties, "driverProperties");
        java.util.Objects.requireNonNull(fromLinting, "fromLinting (OFF, WARN or RAISE)");
        driverProperties = Map.copyOf(driverProperties);
        if (statementTimeout != null && (statementTimeout.isNegative() || statementTimeout.isZero()))
            throw new IllegalArgumentException("statementTimeout must be positive (or null for none), got " + statementTimeout);
        if (socketTimeout != null && (socketTimeout.isNegative() || socketTimeout.isZero()))
            throw new IllegalArgumentException("socketTimeout must be positive (or null for the driver's default), got " + socketTimeout);
        if (leakDetectionThreshold != null && leakDetectionThreshold.toMillis() < 2000)
            // HikariCP's own floor: below it, ordinary checkouts would be reported
            throw new IllegalArgumentException("leakDetectionThreshold must be at least 2 s (or null for off), got " + leakDetectionThreshold);
    }

    public static EngineOptions defaults() {
        return new EngineOptions(false, 10, Duration.ofSeconds(30), null, 500, 0, Map.of(), false, null, null, null, false, FromLinting.WARN);
    }

    /**
     * Log every statement, its parameters and whether its SQL came from the cache, and BEGIN, COMMIT,
     * ROLLBACK and SAVEPOINT, through the SLF4J logger {@code org.athanor.engine} at INFO; printed to
     * standard output when no SLF4J provider is on the classpath (SLF4J would drop it). Control
     * characters in logged values are escaped, so a value cannot forge a log line.
     */
    public EngineOptions echo(boolean on) { return new EngineOptions(on, poolSize, connectionTimeout, isolationLevel, statementCacheSize, fetchSize, driverProperties, hideParameters, statementTimeout, socketTimeout, leakDetectionThreshold, prePing, fromLinting); }

    public EngineOptions poolSize(int v) { return new EngineOptions(echo, v, connectionTimeout, isolationLevel, statementCacheSize, fetchSize, driverProperties, hideParameters, statementTimeout, socketTimeout, leakDetectionThreshold, prePing, fromLinting); }

    /** How long {@code connect()} waits for a pooled connection before a {@link org.athanor.core.error.PoolTimeoutError}. */
    public EngineOptions connectionTimeout(Duration v) { return new EngineOptions(echo, poolSize, v, isolationLevel, statementCacheSize, fetchSize, driverProperties, hideParameters, statementTimeout, socketTimeout, leakDetectionThreshold, prePing, fromLinting); }

    /** Isolation level of every connection (null: the database's default). */
    public EngineOptions isolationLevel(IsolationLevel v) { return new EngineOptions(echo, poolSize, connectionTimeout, v, statementCacheSize, fetchSize, driverProperties, hideParameters, statementTimeout, socketTimeout, leakDetectionThreshold, prePing, fromLinting); }

    /** Compiled statements kept; 0 turns the cache off. */
    public EngineOptions statementCacheSize(int v) { return new EngineOptions(echo, poolSize, connectionTimeout, isolationLevel, v, fetchSize, driverProperties, hideParameters, statementTimeout, socketTimeout, leakDetectionThreshold, prePing, fromLinting); }

    /** JDBC fetch size for queries (0: the driver's default). Streaming results set their own. */
    public EngineOptions fetchSize(int v) { return new EngineOptions(echo, poolSize, connectionTimeout, isolationLevel, statementCacheSize, v, driverProperties, hideParameters, statementTimeout, socketTimeout, leakDetectionThreshold, prePing, fromLinting); }

    /** Extra JDBC driver properties. */
    public EngineOptions driverProperties(Map<String, String> v) { return new EngineOptions(echo, poolSize, connectionTimeout, isolationLevel, statementCacheSize, fetchSize, v, hideParameters, statementTimeout, socketTimeout, leakDetectionThreshold, prePing, fromLinting); }

    /**
     * Leave bound values out of the echo log (SQLAlchemy's {@code hide_parameters}): statements are
     * still logged, with {@code [parameters hidden]} in place of their values.
     */
    public EngineOptions hideParameters(boolean on) { return new EngineOptions(echo, poolSize, connectionTimeout, isolationLevel, statementCacheSize, fetchSize, driverProperties, on, statementTimeout, socketTimeout, leakDetectionThreshold, prePing, fromLinting); }

    /**
     * The longest a statement may run before it is cancelled with a
     * {@link org.athanor.core.error.StatementTimeoutError} (null: no limit). JDBC counts it in whole
     * seconds, rounded up. Per statement: {@code conn.execute(stmt, timeout)}.
     */
    public EngineOptions statementTimeout(Duration v) { return new EngineOptions(echo, poolSize, connectionTimeout, isolationLevel, statementCacheSize, fetchSize, driverProperties, hideParameters, v, socketTimeout, leakDetectionThreshold, prePing, fromLinting); }

    /**
     * The longest the driver waits on the network for a reply (null: the driver's default, usually
     * forever): PostgreSQL's and MySQL's {@code socketTimeout}. Past it the connection is broken: a
     * {@link org.athanor.core.error.DisconnectionError}, and the pool drops it. Keep it above the
     * statement timeout. No effect on SQLite.
     */
    public EngineOptions socketTimeout(Duration v) { return new EngineOptions(echo, poolSize, connectionTimeout, isolationLevel, statementCacheSize, fetchSize, driverProperties, hideParameters, statementTimeout, v, leakDetectionThreshold, prePing, fromLinting); }

    /**
     * Warn (logger {@code org.athanor.engine} and HikariCP's own) when a connection stays checked out
     * longer than this (null: off; at least 2 s), with the stack trace of where it was taken; an
     * unclosed {@link Connection} found by the garbage collector is also reported with that stack.
     */
    public EngineOptions leakDetectionThreshold(Duration v) { return new EngineOptions(echo, poolSize, connectionTimeout, isolationLevel, statementCacheSize, fetchSize, driverProperties, hideParameters, statementTimeout, socketTimeout, v, prePing, fromLinting); }

    /**
     * Validate every connection on checkout with a round trip and replace a dead one before handing it
     * out (SQLAlchemy's {@code pool_pre_ping}). Off by default: HikariCP already validates a connection
     * idle for more than 500 ms; turn this on where the server drops connections under the pool
     * (a failover, a restart) and a failing first statement is worse than a round trip per checkout.
     */
    public EngineOptions prePing(boolean on) { return new EngineOptions(echo, poolSize, connectionTimeout, isolationLevel, statementCacheSize, fetchSize, driverProperties, hideParameters, statementTimeout, socketTimeout, leakDetectionThreshold, on, fromLinting); }

    /**
     * What happens when a SELECT the engine compiles is a cartesian product nobody asked for: a FROM element no JOIN,
     * ON or WHERE condition links to the others (SQLAlchemy's from linter, e.g. filtering on a related table's column
     * without joining it). {@code WARN} (the default, as SQLAlchemy) logs it once per statement shape on the SLF4J
     * logger {@code org.athanor.engine} with the SQL; {@code RAISE} makes it a {@code CompileError} before the
     * statement runs (for tests and strict applications); {@code OFF} skips the check. {@code crossJoin(...)} says a
     * product is meant and is never reported.
     */
    public EngineOptions fromLinting(FromLinting v) { return new EngineOptions(echo, poolSize, connectionTimeout, isolationLevel, statementCacheSize, fetchSize, driverProperties, hideParameters, statementTimeout, socketTimeout, leakDetectionThreshold, prePing, v); }
}
