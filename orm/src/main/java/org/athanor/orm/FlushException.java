package org.athanor.orm;

import org.athanor.core.error.AthanorException;

/**
 * A flush failed. The session rolled its transaction back and restored every object to its state
 * before the transaction (pending objects pending, without the ids the flush assigned; changed
 * objects keep their changes). Call {@link Session#rollback()} before using the session again.
 * The database error is the {@linkplain #getCause() cause}.
 */
public class FlushException extends AthanorException {
    private final String entityName;
    private final String sql;

    public FlushException(String message, String entityName, String sql, Throwable cause) {
        super(message, cause);
        this.entityName = entityName;
        this.sql = sql;
    }

    /** The entity whose statement failed, or null when the failure was not tied to one. */
    public String entityName() { return entityName; }

    /** The statement that failed, as Core rendered it, or null. */
    public String sql() { return sql; }
}
