package org.athanor.spring.boot;

import org.athanor.core.engine.Engine;
import org.athanor.migrations.SchemaValidator;
import org.athanor.orm.Registry;

/**
 * Marker bean for {@code athanor.orm.validate-schema=true}: creating it checks the Registry's tables
 * against the database ({@link SchemaValidator}), so a mismatch fails the application's startup with
 * the list of differences. Loaded only when athanor-migrations is on the classpath.
 */
public final class SchemaValidation {
    private SchemaValidation() {}

    static SchemaValidation run(Registry registry, Engine engine) {
        SchemaValidator.validate(registry.metadata(), engine);
        return new SchemaValidation();
    }
}
