package org.athanor.orm;

import org.athanor.core.error.AthanorException;

/**
 * An UPDATE or DELETE of an entity matched no row: another transaction changed its {@code @Version}
 * or removed the row (optimistic locking, SQLAlchemy's StaleDataError). Raised from a flush, as the
 * cause of a {@link FlushException}.
 */
public class StaleDataException extends AthanorException {
    public StaleDataException(String message) { super(message); }
}
