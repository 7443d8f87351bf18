package org.athanor.core.error;

import java.sql.SQLException;

/**
 * The transaction lost to another one: serialization failure, deadlock or lock wait timeout.
 * Retrying the whole transaction may succeed.
 */
public class TransactionConflictError extends OperationalError {
    public TransactionConflictError(String message, String sql, SQLException cause) { super(message, sql, cause); }

    protected TransactionConflictError(DatabaseError original, String context) { super(original, context); }

    @Override
    public TransactionConflictError withContext(String context) { return new TransactionConflictError(this, context); }
}
