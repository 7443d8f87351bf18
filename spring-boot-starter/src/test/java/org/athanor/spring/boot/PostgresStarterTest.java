package org.athanor.spring.boot;

import org.athanor.core.engine.Engine;
import org.athanor.core.testing.TestDatabases;
import org.athanor.spring.boot.app.TestApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Runs in a database of its own, created here and dropped afterwards. */
@SpringBootTest(classes = TestApplication.class,
        properties = {"athanor.echo=true", "athanor.statement-cache-size=64", "athanor.orm.expire-on-commit=false"})
@DirtiesContext
class PostgresStarterTest extends StarterScenario {
    static Engine admin;
    static String database;

    @BeforeAll
    static void createDatabase() throws Exception {
        admin = TestDatabases.postgres();
        database = TestDatabases.uniqueName("athanor_spring");
        try (java.sql.Connection c = admin.dataSource().getConnection(); var st = c.createStatement()) {
            c.setAutoCommit(true);
            st.execute("CREATE DATABASE " + database);
        }
    }

    @AfterAll
    static void dropDatabase() throws Exception {
        if (admin == null) return;
        try (java.sql.Connection c = admin.dataSource().getConnection(); var st = c.createStatement()) {
            c.setAutoCommit(true);
            st.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        } finally {
            admin.close();
        }
    }

    @DynamicPropertySource
    static void datasource(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> {
            String url = TestDatabases.postgresUrl(); // postgresql://user@host:port/db
            var u = org.athanor.core.dialect.DatabaseUrl.parse(url);
            return "jdbc:postgresql://" + u.host() + ":" + (u.port() > 0 ? u.port() : 5432) + "/" + database;
        });
        registry.add("spring.datasource.username", () -> org.athanor.core.dialect.DatabaseUrl.parse(TestDatabases.postgresUrl()).user());
    }

    @Override String expectedDialect() { return "PostgreSQL"; }
}
