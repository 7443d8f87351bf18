package org.athanor.core.error;

import java.sql.SQLException;

/** The database refused a statement: the database reported an internal error. */
public class InternalError extends DatabaseError {
    public InternalError(String message, String sql, SQLException cause) { super(message, sql, cause); }

    protected InternalError(DatabaseError original, String context) { super(original, context); }

    @Override
    public InternalError withContext(String context) { return new InternalError(this, context); }
}
