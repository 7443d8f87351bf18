package org.athanor.spring.boot;

import java.nio.file.Files;
import java.nio.file.Path;
import org.athanor.spring.boot.app.TestApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(classes = TestApplication.class,
        properties = {"athanor.echo=true", "athanor.statement-cache-size=64", "athanor.orm.expire-on-commit=false"})
class SqliteStarterTest extends StarterScenario {
    @DynamicPropertySource
    static void datasource(DynamicPropertyRegistry registry) throws Exception {
        Path dir = Files.createTempDirectory("athanor-spring");
        dir.toFile().deleteOnExit();
        registry.add("spring.datasource.url", () -> "jdbc:sqlite:" + dir.resolve("app.db"));
    }

    @Override String expectedDialect() { return "SQLite"; }
}
