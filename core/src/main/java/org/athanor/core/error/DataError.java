package org.athanor.core.error;

import java.sql.SQLException;

/** The database refused a statement: a value did not fit (out of range, bad format, too long). */
public class DataError extends DatabaseError {
    public DataError(String message, String sql, SQLException cause) { super(message, sql, cause); }

    protected DataError(DatabaseError original, String context) { super(original, context); }

    @Override
    public DataError withContext(String context) { return new DataError(this, context); }
}
