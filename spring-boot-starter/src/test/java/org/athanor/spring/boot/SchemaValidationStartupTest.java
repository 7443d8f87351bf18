package org.athanor.spring.boot;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import org.athanor.core.engine.Engine;
import org.athanor.migrations.SchemaValidationException;
import org.athanor.spring.boot.app.TestApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** athanor.orm.validate-schema=true: startup fails on a database without the mapped table, and succeeds once it is there. */
class SchemaValidationStartupTest {
    @TempDir Path tmp;

    private ConfigurableApplicationContext start(Path db) {
        return new SpringApplicationBuilder(TestApplication.class).properties("spring.datasource.url=jdbc:sqlite:" + db,
                "athanor.orm.validate-schema=true", "spring.main.banner-mode=off").run();
    }

    @Test
    void aMismatchFailsStartupWithTheDifferences() throws Exception {
        Path db = Files.createDirectories(tmp).resolve("app.db");
        Exception e = assertThrows(Exception.class, () -> start(db).close());
        Throwable root = e;
        while (root != null && !(root instanceof SchemaValidationException)) root = root.getCause();
        assertNotNull(root, "expected a SchemaValidationException in the cause chain of " + e);
        assertTrue(root.getMessage().contains("table \"accounts\" is missing from the database"), root.getMessage());

        try (ConfigurableApplicationContext first = new SpringApplicationBuilder(TestApplication.class)
                .properties("spring.datasource.url=jdbc:sqlite:" + db, "spring.main.banner-mode=off").run()) {
            first.getBean(org.athanor.orm.Registry.class).metadata().createAll(first.getBean(Engine.class));
        }
        try (ConfigurableApplicationContext ok = start(db)) {
            assertNotNull(ok.getBean(SchemaValidation.class));
        }
    }
}
