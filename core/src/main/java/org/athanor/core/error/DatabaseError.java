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

    /**
     * A copy of {@code original} with {@code context} put before its message: the same SQL, SQLSTATE
     * and vendor code, and {@code original} as its cause. See {@link #withContext}.
     */
    protected DatabaseError(DatabaseError original, String context) {
        super(context + ": " + original.getMessage(), original);
        this.sql = original.sql;
        this.sqlState = original.sqlState;
        this.vendorCode = original.vendorCode;
    }

    /**
     * This error with what the caller was doing put before its message, as an error of the same type
     * (so {@code catch (IntegrityError e)} still catches it), with this error as its cause. The ORM's
     * flush uses it to name the entity and statement. Every subclass overrides it to keep its type.
     *
     * <pre>{@code
     * catch (DatabaseError e) { throw e.withContext("flush failed inserting User"); }
     * }</pre>
     */
    public DatabaseError withContext(String context) { return new DatabaseError(this, context); }

    private static String message(String message, String sql) {
        return sql == null ? message : message + "\n[SQL: " + sql + "]";
    }

    /** The statement that failed, or null. */
    public String sql() { return sql; }
    public String sqlState() { return sqlState; }
    public int vendorCode() { return vendorCode; }
}
