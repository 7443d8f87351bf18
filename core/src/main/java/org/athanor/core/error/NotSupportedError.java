package org.athanor.core.error;

import java.sql.SQLException;

/** The database refused a statement: the database does not support what was asked. */
public class NotSupportedError extends DatabaseError {
    public NotSupportedError(String message, String sql, SQLException cause) { super(message, sql, cause); }

    protected NotSupportedError(DatabaseError original, String context) { super(original, context); }

    @Override
    public NotSupportedError withContext(String context) { return new NotSupportedError(this, context); }
}
