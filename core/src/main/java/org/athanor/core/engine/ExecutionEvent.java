package org.athanor.core.engine;

import java.util.List;

/**
 * One statement execution, as {@link ExecutionListener}s see it. Built only when a listener is
 * registered; the same instance goes to {@code started} and then {@code finished}.
 */
public final class ExecutionEvent {
    private final ExecutionListener[] listeners;
    private final Connection connection;
    private final String sql;
    private final List<List<Object>> parameterSets;
    private long setCount;
    private final boolean cached;
    private final boolean literal;
    private final boolean batch;
    private final boolean parametersHidden;
    private final long startNanos;
    private long durationNanos = -1;
    private long rows = -1;
    private RuntimeException error;
    private Object attachment;

    ExecutionEvent(ExecutionListener[] listeners, Connection connection, String sql, List<List<Object>> parameterSets, boolean cached,
                   boolean literal, boolean batch, boolean parametersHidden) {
        this.listeners = listeners;
        this.connection = connection;
        this.sql = sql;
        this.parameterSets = parametersHidden ? List.of() : parameterSets;
        this.setCount = batch ? 0 : 1;
        this.cached = cached;
        this.literal = literal;
        this.batch = batch;
        this.parametersHidden = parametersHidden;
        this.startNanos = System.nanoTime();
    }

    ExecutionListener[] listeners() { return listeners; }

    /** A batch: one more parameter set ran (its values kept among the first {@code shown}). */
    void addSet(List<Object> values, int shown) {
        setCount++;
        if (!parametersHidden && parameterSets.size() < shown) parameterSets.add(values);
    }

    /** False when it had finished already (a path reports once). */
    boolean finish(long rows, RuntimeException error) {
        if (durationNanos >= 0) return false;
        this.durationNanos = System.nanoTime() - startNanos;
        this.rows = rows;
        this.error = error;
        return true;
    }

    public Connection connection() { return connection; }

    /** The SQL sent to the driver. */
    public String sql() { return sql; }

    /**
     * The bound values of a single statement, in placeholder order (empty when there are none, when
     * the statement is {@link #literal()}, or when {@link EngineOptions#hideParameters()} is on).
     */
    public List<Object> parameters() { return parameterSets.isEmpty() ? List.of() : parameterSets.get(0); }

    /**
     * The parameter sets of a {@link #batch()}: the first few only (see {@link #setCount()} for how
     * many ran); for a single statement, its one set. Empty when parameters are hidden.
     */
    public List<List<Object>> parameterSets() { return parameterSets; }

    /** How many parameter sets ran (1 for a single statement). */
    public long setCount() { return setCount; }

    /** True when {@link EngineOptions#hideParameters()} left the values out. */
    public boolean parametersHidden() { return parametersHidden; }

    /** True when the compiled SQL came from the engine's statement cache (false for literal SQL). */
    public boolean cached() { return cached; }

    /** True for SQL given as text with no parameters and not compiled ({@link Connection#executeSql}, DDL). */
    public boolean literal() { return literal; }

    /** True for one JDBC batch of many parameter sets (executeMany). */
    public boolean batch() { return batch; }

    /** Nanoseconds from {@code started} to {@code finished}; -1 before it finished. */
    public long durationNanos() { return durationNanos; }

    /**
     * Rows the statement changed, as the driver reported them; -1 when unknown (queries: their rows
     * are read later, while the result streams) or when it failed.
     */
    public long rows() { return rows; }

    /** The error it failed with (already translated to Athanor's hierarchy where it came from the driver), or null. */
    public RuntimeException error() { return error; }

    /** A slot for a listener's own state between started and finished (a span, a timer sample). */
    public Object attachment() { return attachment; }

    public void attachment(Object value) { attachment = value; }

    @Override public String toString() { return "ExecutionEvent[" + sql + ", rows=" + rows + ", cached=" + cached + "]"; }
}
