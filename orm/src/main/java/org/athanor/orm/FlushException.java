package org.athanor.orm;

import org.athanor.core.error.AthanorException;

/**
 * A flush failed for a reason other than the database refusing a statement or a stale version: an
 * attribute converter or accessor threw, for instance (the {@linkplain #getCause() cause}). The
 * database's own errors are thrown as their own types ({@code IntegrityError}, ...) and stale versions
 * as {@link StaleDataException}, each with the flush context in the message. Either way the session
 * rolled its transaction back and discarded its work (see {@link Session#rollback()}); call
 * {@code rollback()} before using the session again.
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

    /** The statement that was being written, as Core rendered it, or null. */
    public String sql() { return sql; }
}
