package org.athanor.core.error;

import java.sql.SQLException;

/** The connection to the database was lost; the pool has dropped it. */
public class DisconnectionError extends OperationalError {
    public DisconnectionError(String message, String sql, SQLException cause) { super(message, sql, cause); }
}
