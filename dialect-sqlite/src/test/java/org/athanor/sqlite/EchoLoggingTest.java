package org.athanor.sqlite;

import static org.athanor.core.fixtures.Users.USERS;
import static org.athanor.core.sql.Sql.*;
import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.athanor.core.engine.Connection;
import org.athanor.core.engine.Engine;
import org.athanor.core.engine.EngineOptions;
import org.athanor.core.schema.MetaData;
import org.athanor.core.type.SqlTypes;
import org.junit.jupiter.api.Test;

/**
 * echo: every statement goes to the SLF4J logger {@code org.athanor.engine} with its parameters and
 * whether its SQL was generated or came from the cache. slf4j-simple, the test binding, writes to
 * System.err as it is at the time of each call, so the test reads what it prints there.
 */
class EchoLoggingTest {
    private static String capture(Runnable work) {
        PrintStream old = System.err;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setErr(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            work.run();
        } finally {
            System.setErr(old);
        }
        return buf.toString(StandardCharsets.UTF_8);
    }

    @Test
    void everyStatementIsLoggedWithParametersAndItsCacheOrigin() {
        try (Engine engine = Engine.create("sqlite://", EngineOptions.defaults().echo(true))) {
            String ddl = capture(() -> MetaData.of(USERS).createAll(engine));
            assertTrue(ddl.contains("INFO org.athanor.engine - CREATE TABLE IF NOT EXISTS users ("), ddl);

            String log = capture(() -> {
                try (Connection c = engine.connect()) {
                    c.execute(insert(USERS).set(USERS.NAME, "Alice").set(USERS.AGE, 30));
                    c.execute(select(USERS.NAME).where(USERS.AGE.gt(29))).all();
                    c.execute(select(USERS.NAME).where(USERS.AGE.gt(41))).all();
                    c.executeMany(update(USERS).set(USERS.AGE, bindParam("a", SqlTypes.INTEGER)), java.util.List.of(Map.of("a", 1), Map.of("a", 2)));
                }
            });
            assertTrue(log.contains("org.athanor.engine - INSERT INTO users (name, age) VALUES (?, ?)\n[generated] [Alice, 30]"), log);
            assertTrue(log.contains("org.athanor.engine - SELECT users.name FROM users WHERE users.age > ?\n[generated] [29]"), log);
            assertTrue(log.contains("org.athanor.engine - SELECT users.name FROM users WHERE users.age > ?\n[cached] [41]"), log);
            assertTrue(log.contains("UPDATE users SET age = ?\n[generated] [2 parameter sets]"), log);
            assertEquals(1, log.split("UPDATE users SET", -1).length - 1, "executeMany logs its statement once:\n" + log);
        }
    }

    @Test
    void withoutEchoNothingIsLoggedAtInfo() {
        try (Engine engine = Engine.create("sqlite://")) {
            MetaData.of(USERS).createAll(engine);
            String log = capture(() -> {
                try (Connection c = engine.connect()) {
                    c.execute(select(USERS.NAME).where(USERS.AGE.gt(29))).all();
                }
            });
            assertFalse(log.contains("org.athanor.engine"), log);
        }
    }
}
