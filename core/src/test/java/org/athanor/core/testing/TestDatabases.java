package org.athanor.core.testing;

import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import org.athanor.core.engine.Engine;
import org.athanor.core.engine.EngineOptions;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The databases tests run on. SQLite is always there. PostgreSQL and MariaDB are found at the URLs
 * below (override with -Dathanor.postgres.url / ATHANOR_POSTGRES_URL and -Dathanor.mysql.url /
 * ATHANOR_MYSQL_URL). When a server does not answer, its tests are skipped with one line saying so,
 * unless CI=true or -Dathanor.requireDatabases=true, where that is a failure.
 */
public final class TestDatabases {
    private TestDatabases() {}

    public static final String DEFAULT_POSTGRES = "postgresql://postgres@127.0.0.1:5432/test";
    public static final String DEFAULT_MYSQL = "mysql://root@127.0.0.1:3306/test";

    /** True when unreachable servers must fail the build. */
    public static boolean required() {
        return "true".equalsIgnoreCase(System.getenv("CI")) || Boolean.getBoolean("athanor.requireDatabases");
    }

    public static String postgresUrl() { return setting("athanor.postgres.url", "ATHANOR_POSTGRES_URL", DEFAULT_POSTGRES); }

    public static String mysqlUrl() { return setting("athanor.mysql.url", "ATHANOR_MYSQL_URL", DEFAULT_MYSQL); }

    private static String setting(String prop, String env, String dflt) {
        String v = System.getProperty(prop);
        if (v == null || v.isBlank()) v = System.getenv(env);
        return v == null || v.isBlank() ? dflt : v;
    }

    /** An engine on an in-memory SQLite database. */
    public static Engine sqlite() { return Engine.create("sqlite://"); }

    public static Engine postgres() { return server("PostgreSQL", postgresUrl(), EngineOptions.defaults().poolSize(4)); }

    public static Engine mysql() { return server("MariaDB/MySQL", mysqlUrl(), EngineOptions.defaults().poolSize(4)); }

    /** An engine on a server, or a skip (a failure when {@link #required()}) when it does not answer. */
    public static Engine server(String name, String url, EngineOptions options) {
        try {
            return Engine.create(url, options);
        } catch (RuntimeException e) {
            String msg = name + " is not reachable at " + url + " (" + e.getMessage() + ")";
            if (required()) Assertions.fail(msg + "; CI=true / athanor.requireDatabases=true make this a failure");
            Assumptions.abort(msg + "; skipping. Start the server, or set -Dathanor.requireDatabases=true to fail instead");
            throw new AssertionError("unreachable");
        }
    }

    /** Drops {@code metadata}'s tables and closes {@code engine}; nothing to do when the engine never opened. */
    public static void dropAndClose(Engine engine, org.athanor.core.schema.MetaData metadata) {
        if (engine == null) return;
        try {
            if (metadata != null) metadata.dropAll(engine);
        } finally {
            engine.close();
        }
    }

    /** A table name no other run uses at the same time: {@code prefix_xxxxxx}. */
    public static String uniqueName(String prefix) {
        return prefix + "_" + Long.toString(ThreadLocalRandom.current().nextLong() & 0xffffffffL, 36).toLowerCase(Locale.ROOT);
    }
}
