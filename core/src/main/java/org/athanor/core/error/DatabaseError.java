package org.athanor.core.error;

import java.sql.SQLException;

/**
 * The database refused a statement. Carries the SQL, the SQLSTATE and the vendor code; subclasses
 * say what kind of failure it was (SQLAlchemy's DBAPIError family).
 */
public class DatabaseError extends AthanorException {
    private final String sql;
    private final String sqlState;
    private final int vendorCode;

    public DatabaseError(String message, String sql, SQLException cause) {
        super(message(message, sql), cause);
        this.sql = sql;
        this.sqlState = cause == null ? null : cause.getSQLState();
        this.vendorCode = cause == null ? 0 : cause.getErrorCode();
    }

    private static String message(String message, String sql) {
        return sql == null ? message : message + "\n[SQL: " + sql + "]";
    }

    /** The statement that failed, or null. */
    public String sql() { return sql; }
    public String sqlState() { return sqlState; }
    public int vendorCode() { return vendorCode; }
}
