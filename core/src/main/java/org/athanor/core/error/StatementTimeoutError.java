package org.athanor.core.error;

import java.sql.SQLException;

/**
 * A statement ran past its timeout ({@code EngineOptions.statementTimeout}, or the one given to
 * {@code Connection.execute(statement, timeout)}) and was cancelled. The connection stays usable; on
 * PostgreSQL its transaction is aborted and must be rolled back, and SQLite itself rolls back the
 * whole transaction of an interrupted INSERT, UPDATE or DELETE.
 * <pre>{@code
 * try { conn.execute(report, Duration.ofSeconds(5)).all(); }
 * catch (StatementTimeoutError e) { conn.rollback(); ... }
 * }</pre>
 */
public class StatementTimeoutError extends OperationalError {
    public StatementTimeoutError(String message, String sql, SQLException cause) { super(message, sql, cause); }
}
