package org.athanor.core.error;

import java.sql.SQLException;

/**
 * The transaction lost to another one: serialization failure, deadlock or lock wait timeout.
 * Retrying the whole transaction may succeed.
 */
public class TransactionConflictError extends OperationalError {
    public TransactionConflictError(String message, String sql, SQLException cause) { super(message, sql, cause); }
}
