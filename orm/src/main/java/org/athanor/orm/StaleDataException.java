package org.athanor.orm;

import org.athanor.core.error.AthanorException;

/**
 * An UPDATE or DELETE of an entity matched no row: another transaction changed its {@code @Version}
 * or removed the row (optimistic locking, SQLAlchemy's StaleDataError). Thrown by the flush, which
 * rolls back first; call {@link Session#rollback()} (or retry the transaction).
 */
public class StaleDataException extends AthanorException {
    public StaleDataException(String message) { super(message); }

    /** {@code cause} with context: thrown by a flush, which names the entity and operation first. */
    public StaleDataException(String message, StaleDataException cause) { super(message, cause); }
}
