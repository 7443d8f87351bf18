package org.athanor.core.error;

import java.sql.SQLException;

/** The database refused a statement: a constraint was violated (unique, foreign key, not null, check). */
public class IntegrityError extends DatabaseError {
    public IntegrityError(String message, String sql, SQLException cause) { super(message, sql, cause); }

    protected IntegrityError(DatabaseError original, String context) { super(original, context); }

    @Override
    public IntegrityError withContext(String context) { return new IntegrityError(this, context); }
}
