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
    /**
     * Each test's set-up (createAll, connect) echoes too; what a test checks it reads through
     * {@link #capture}, and the rest goes here instead of the build's output.
     */
    private PrintStream console;

    @org.junit.jupiter.api.BeforeEach
    void quiet() {
        console = System.err;
        System.setErr(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    }

    @org.junit.jupiter.api.AfterEach
    void restore() { System.setErr(console); }

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
            assertTrue(log.contains("UPDATE users SET age = ?\n[generated] [[1], [2]]"), log);
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

    @Test
    void controlCharactersInValuesCannotForgeLogLines() {
        try (Engine engine = Engine.create("sqlite://", EngineOptions.defaults().echo(true))) {
            MetaData.of(USERS).createAll(engine);
            String forged = "x\n[main] INFO org.athanor.engine - DROP TABLE users\r\u2028\t\u0007\\n";
            String log = capture(() -> {
                try (Connection c = engine.connect()) {
                    c.execute(select(USERS.NAME).where(USERS.NAME.eq(forged))).all();
                }
            });
            assertTrue(log.contains("[generated] [x\\n[main] INFO org.athanor.engine - DROP TABLE users\\r\\u2028\\t\\u0007\\\\n]"), log);
            for (String line : log.split("\n")) assertFalse(line.startsWith("[main] INFO org.athanor.engine - DROP"), log);
        }
    }

    @Test
    void hideParametersLeavesValuesOut() {
        try (Engine engine = Engine.create("sqlite://", EngineOptions.defaults().echo(true).hideParameters(true))) {
            MetaData.of(USERS).createAll(engine);
            String log = capture(() -> {
                try (Connection c = engine.connect()) {
                    c.execute(insert(USERS).set(USERS.NAME, "secret-name").set(USERS.AGE, 41));
                    c.executeMany(update(USERS).set(USERS.AGE, bindParam("a", SqlTypes.INTEGER)), java.util.List.of(Map.of("a", 12345)));
                }
            });
            assertTrue(log.contains("INSERT INTO users (name, age) VALUES (?, ?)\n[generated] [parameters hidden]"), log);
            assertTrue(log.contains("UPDATE users SET age = ?\n[generated] [1 parameter sets, values hidden]"), log);
            assertFalse(log.contains("secret-name") || log.contains("41") || log.contains("12345"), log);
        }
    }

    @Test
    void transactionsAreEchoed() {
        try (Engine engine = Engine.create("sqlite://", EngineOptions.defaults().echo(true))) {
            MetaData.of(USERS).createAll(engine);
            String log = capture(() -> {
                try (Connection c = engine.connect()) {
                    c.execute(insert(USERS).set(USERS.NAME, "a").set(USERS.AGE, 1));
                    var sp = c.beginNested();
                    c.execute(insert(USERS).set(USERS.NAME, "b").set(USERS.AGE, 2));
                    sp.rollback();
                    c.commit();
                    c.execute(insert(USERS).set(USERS.NAME, "c").set(USERS.AGE, 3));
                    c.rollback();
                }
            });
            String[] expected = {"BEGIN (implicit)", "INSERT INTO users", "SAVEPOINT", "INSERT INTO users", "ROLLBACK TO SAVEPOINT",
                    "COMMIT", "INSERT INTO users", "ROLLBACK"};
            int at = 0;
            for (String e : expected) {
                int i = log.indexOf("org.athanor.engine - " + e, at);
                assertTrue(i >= 0, "'" + e + "' after position " + at + " in:\n" + log);
                at = i + 1;
            }
        }
    }

    @Test
    void theReadOnlyStartEndedBeforeTheFirstWriteIsEchoed() {
        try (Engine engine = Engine.create("sqlite://", EngineOptions.defaults().echo(true))) {
            MetaData.of(USERS).createAll(engine);
            String log = capture(() -> {
                try (Connection c = engine.connect()) {
                    c.execute(select(USERS.ID).from(USERS).where(USERS.ID.in(bindParam("ids", SqlTypes.BIGINT))),
                            Map.of("ids", java.util.List.of(7L, 8L))).all();
                    c.execute(insert(USERS).set(USERS.NAME, "a").set(USERS.AGE, 1));
                    c.commit();
                }
            });
            // SQLite's beginOnFirstWrite rolls the reads' transaction back before the write: the log says so
            String[] expected = {"BEGIN (implicit)", "SELECT users.id FROM users WHERE users.id IN (?, ?)", "[generated] [7, 8]",
                    "ROLLBACK", "BEGIN (implicit)", "INSERT INTO users", "COMMIT"};
            int at = 0;
            for (String e : expected) {
                int i = log.indexOf(e, at);
                assertTrue(i >= 0, "'" + e + "' after position " + at + " in:\n" + log);
                at = i + 1;
            }
        }
    }

    @Test
    void hideParametersCoversValuesGivenAtExecution() {
        try (Engine engine = Engine.create("sqlite://", EngineOptions.defaults().echo(true).hideParameters(true))) {
            MetaData.of(USERS).createAll(engine);
            String log = capture(() -> {
                try (Connection c = engine.connect()) {
                    c.execute(select(USERS.ID).from(USERS).where(USERS.NAME.in(bindParam("names", SqlTypes.TEXT))),
                            Map.of("names", java.util.List.of("secret-one", "secret-two"))).all();
                    c.execute(update(USERS).set(USERS.AGE, 1).where(USERS.NAME.eq(bindParam("n", SqlTypes.TEXT))), Map.of("n", "secret-three"));
                }
            });
            assertTrue(log.contains("[parameters hidden]"), log);
            assertFalse(log.contains("secret-"), log);
        }
    }

    @Test
    void batchesShowTheirFirstParameterSetsAndTheirNumber() {
        try (Engine engine = Engine.create("sqlite://", EngineOptions.defaults().echo(true))) {
            MetaData.of(USERS).createAll(engine);
            java.util.List<Map<String, ?>> sets = new java.util.ArrayList<>();
            for (int i = 0; i < 1000; i++) sets.add(Map.of("n", "n" + i, "a", i));
            String log = capture(() -> {
                try (Connection c = engine.connect()) {
                    c.executeMany(insert(USERS).set(USERS.NAME, bindParam("n", SqlTypes.TEXT)).set(USERS.AGE, bindParam("a", SqlTypes.INTEGER)), sets);
                }
            });
            assertTrue(log.contains("[generated] [[n0, 0], [n1, 1], [n2, 2] ... 3 of 1000 parameter sets shown]"), log);
        }
    }

    /**
     * Without an SLF4J provider, echo prints to standard output: run in a JVM whose class path has
     * everything this test has except slf4j-simple.
     */
    @Test
    void withoutAnSlf4jProviderEchoPrintsToStandardOutput() throws Exception {
        StringBuilder cp = new StringBuilder();
        for (Class<?> k : new Class<?>[] {EchoToStdout.class, Engine.class, SqliteDialect.class, org.sqlite.JDBC.class,
                com.zaxxer.hikari.HikariConfig.class, org.slf4j.LoggerFactory.class, io.vavr.Tuple.class}) {
            if (cp.length() > 0) cp.append(java.io.File.pathSeparatorChar);
            cp.append(java.nio.file.Path.of(k.getProtectionDomain().getCodeSource().getLocation().toURI()));
        }
        assertFalse(cp.toString().contains("slf4j-simple"), cp.toString());
        Process p = new ProcessBuilder(java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", cp.toString(), EchoToStdout.class.getName()).redirectErrorStream(false).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out + err);
        assertTrue(out.contains("[athanor] BEGIN (implicit)"), out + err);
        assertTrue(out.contains("[athanor] SELECT ?\n[generated] [line\\nbreak]"), out + err);
        assertTrue(out.contains("[athanor] COMMIT"), out + err);
    }
}
