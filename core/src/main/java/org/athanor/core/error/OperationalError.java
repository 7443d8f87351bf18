package org.athanor.core.error;

import java.sql.SQLException;

/** The database refused a statement: the database could not run the statement for reasons outside it (connection lost, timeout, resources). */
public class OperationalError extends DatabaseError {
    public OperationalError(String message, String sql, SQLException cause) { super(message, sql, cause); }

    protected OperationalError(DatabaseError original, String context) { super(original, context); }

    @Override
    public OperationalError withContext(String context) { return new OperationalError(this, context); }
}
