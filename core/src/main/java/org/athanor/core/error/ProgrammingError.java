package org.athanor.core.error;

import java.sql.SQLException;

/** The database refused a statement: the statement is wrong for this database (syntax, unknown table or column). */
public class ProgrammingError extends DatabaseError {
    public ProgrammingError(String message, String sql, SQLException cause) { super(message, sql, cause); }

    protected ProgrammingError(DatabaseError original, String context) { super(original, context); }

    @Override
    public ProgrammingError withContext(String context) { return new ProgrammingError(this, context); }
}
