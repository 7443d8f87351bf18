package org.athanor.migrations;

/**
 * The database does not match the model ({@link SchemaValidator#validate}): the message lists every
 * difference, one a line; {@link #diff()} has them as values.
 */
public final class SchemaValidationException extends RuntimeException {
    private final transient SchemaDiff diff;

    SchemaValidationException(SchemaDiff diff) {
        super("the database schema does not match the model: " + diff
                + "\n(write a migration with MigrationScript.from(diff).writeTo(dir, description), or fix the mapping)");
        this.diff = diff;
    }

    public SchemaDiff diff() { return diff; }
}
