package org.athanor.core.engine;

/**
 * Told about every statement an {@link Engine} sends, before it runs (one call per JDBC batch).
 * For tests and instrumentation: counting statements, asserting that nothing ran.
 *
 * <pre>{@code
 * List<String> seen = new CopyOnWriteArrayList<>();
 * engine.addStatementListener(seen::add);
 * }</pre>
 *
 * Listeners run on the thread executing the statement and must be quick and thread-safe.
 */
@FunctionalInterface
public interface StatementListener {
    void beforeExecute(String sql);
}
