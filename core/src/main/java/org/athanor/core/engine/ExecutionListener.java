package org.athanor.core.engine;

/**
 * Told about every statement an {@link Engine} runs, and about transaction boundaries: the one
 * place echo, metrics and tracing hook in. Register with {@link Engine#addExecutionListener}.
 *
 * <p>Each execution reports {@link #started} once, before the statement goes to the driver, and
 * {@link #finished} once, after it ran or failed (then {@link ExecutionEvent#error()} is set). A
 * JDBC batch (executeMany) is one execution; each chunk of a bulk insert is one execution.
 * Listeners run on the thread executing the statement, must be quick and thread-safe, and must not
 * use the connection they are told about. With no listener registered (and echo off) the engine
 * does no timing and builds no event.
 *
 * <p>Timing statements with Micrometer (Athanor does not depend on it):
 * <pre>{@code
 * MeterRegistry registry = ...;
 * engine.addExecutionListener(new ExecutionListener() {
 *     @Override public void finished(ExecutionEvent e) {
 *         Timer.builder("athanor.statement")
 *              .tag("cached", String.valueOf(e.cached()))
 *              .tag("outcome", e.error() == null ? "ok" : e.error().getClass().getSimpleName())
 *              .register(registry)
 *              .record(e.durationNanos(), TimeUnit.NANOSECONDS);
 *     }
 * });
 * }</pre>
 * An OpenTelemetry span per statement starts in {@link #started} (kept in
 * {@link ExecutionEvent#attachment}) and ends in {@link #finished}; see docs/execution-listeners.md.
 */
public interface ExecutionListener {
    /** Before the statement goes to the driver (its duration and rows are not known yet). */
    default void started(ExecutionEvent event) {}

    /** After the statement ran (rows known, or -1) or failed ({@link ExecutionEvent#error()} set). */
    default void finished(ExecutionEvent event) {}

    /** A transaction boundary on {@code connection}: BEGIN (implicit), COMMIT, ROLLBACK, savepoints. */
    default void transaction(TransactionEvent event, Connection connection) {}
}
