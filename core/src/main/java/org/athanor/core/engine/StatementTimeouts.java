package org.athanor.core.engine;

import java.sql.SQLException;

/**
 * The statement timeout in force on one {@link Connection}: the engine's
 * ({@link EngineOptions#statementTimeout()}), or the one a call gives
 * ({@code conn.execute(query, Duration.ofSeconds(5))}) while that call runs; armed on each statement
 * just before it runs and disarmed after (statements are kept and reused).
 */
final class StatementTimeouts {
    private final Engine engine;
    /** The connection the dialect arms timeouts on (the physical one under a pool's proxy, where known). */
    private final java.sql.Connection target;
    /** The timeout of the current call in milliseconds, or -1 for the engine's. */
    private int callTimeout = -1;

    StatementTimeouts(Engine engine, java.sql.Connection target) {
        this.engine = engine;
        this.target = target;
    }

    /** Runs {@code work} with {@code timeout} in force instead of the engine's statement timeout. */
    <T> T with(java.time.Duration timeout, java.util.function.Supplier<T> work) {
        int was = callTimeout;
        callTimeout = millis(timeout);
        try {
            return work.get();
        } finally {
            callTimeout = was;
        }
    }

    private static int millis(java.time.Duration timeout) {
        java.util.Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) throw new IllegalArgumentException("timeout must be positive, got " + timeout);
        return Engine.millis(timeout);
    }

    /**
     * Just before {@code st} runs: lets the dialect bring the driver in step with the session
     * ({@link org.athanor.core.dialect.Dialect#beforeExecute}), and arms the timeout in force; returns it
     * in milliseconds (0: none, nothing armed).
     */
    int arm(java.sql.Statement st) throws SQLException {
        engine.dialect().beforeExecute(target);
        int ms = callTimeout >= 0 ? callTimeout : engine.statementTimeoutMillis();
        if (ms > 0) engine.dialect().armStatementTimeout(target, st, ms);
        return ms;
    }

    /** Disarms what {@link #arm} armed; false when the statement or connection could not be reset. */
    boolean disarm(java.sql.Statement st, int ms) {
        if (ms <= 0) return true;
        try {
            engine.dialect().disarmStatementTimeout(target, st);
            return true;
        } catch (SQLException e) {
            return false;
        }
    }
}
