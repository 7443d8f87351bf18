package org.athanor.migrations;

import java.util.function.Predicate;
import org.athanor.core.engine.Engine;
import org.athanor.core.schema.MetaData;

/**
 * Startup validation (Hibernate's {@code hbm2ddl.auto=validate}): fails with a readable list of
 * differences when the live database does not match the model.
 *
 * <pre>{@code
 * SchemaValidator.validate(metadata, engine);             // Core tables
 * SchemaValidator.validate(registry.metadata(), engine);  // ORM entities: the Registry's tables
 * }</pre>
 *
 * By default only the model's own tables are checked: tables the database has besides them (other
 * applications', Flyway's history) are not an error. {@link #validateStrict} reports them too.
 */
public final class SchemaValidator {
    private SchemaValidator() {}

    /** Checks the model's tables; throws {@link SchemaValidationException} listing every difference. */
    public static void validate(MetaData metadata, Engine engine) { validate(metadata, engine, name -> false); }

    /** Like {@link #validate}, and database tables the model lacks are differences as well. */
    public static void validateStrict(MetaData metadata, Engine engine) { validate(metadata, engine, name -> true); }

    /** Like {@link #validate}; extra database tables accepted by {@code includeTable} are differences. */
    public static void validate(MetaData metadata, Engine engine, Predicate<String> includeTable) {
        SchemaDiff diff = SchemaDiff.compare(metadata, engine, includeTable);
        if (!diff.isEmpty()) throw new SchemaValidationException(diff);
    }
}
