package org.athanor.core.error;

import java.sql.SQLException;

/**
 * The database reported an internal error (SQLSTATE class XX). Named so it does not shadow
 * {@link java.lang.InternalError}, which a wildcard or same-package import would otherwise hide.
 */
public class InternalDatabaseError extends DatabaseError {
    public InternalDatabaseError(String message, String sql, SQLException cause) { super(message, sql, cause); }

    protected InternalDatabaseError(DatabaseError original, String context) { super(original, context); }

    @Override
    public InternalDatabaseError withContext(String context) { return new InternalDatabaseError(this, context); }
}
