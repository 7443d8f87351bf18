package org.athanor.core.error;

import java.sql.SQLException;

/** The connection to the database was lost; the pool has dropped it. */
public class DisconnectionError extends OperationalError {
    public DisconnectionError(String message, String sql, SQLException cause) { super(message, sql, cause); }

    protected DisconnectionError(DatabaseError original, String context) { super(original, context); }

    @Override
    public DisconnectionError withContext(String context) { return new DisconnectionError(this, context); }
}
