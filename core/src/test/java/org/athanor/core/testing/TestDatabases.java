package org.athanor.core.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import org.athanor.core.dialect.DatabaseUrl;
import org.athanor.core.engine.Engine;
import org.athanor.core.engine.EngineOptions;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The databases tests run on. SQLite is always there. PostgreSQL and MariaDB are found at the URLs
 * below (override with -Dathanor.postgres.url / ATHANOR_POSTGRES_URL and -Dathanor.mysql.url /
 * ATHANOR_MYSQL_URL). When a server does not answer, its tests are skipped with one line saying so,
 * unless CI=true or -Dathanor.requireDatabases=true, where that is a failure.
 *
 * <p>Whether a server answers is decided once per JVM (one Surefire fork, so once per module) and
 * per host and port, by a plain TCP connect with a short timeout, before any pool is built: a
 * module whose server is down skips in well under two seconds instead of waiting out the pool's
 * connection timeout in every test class, and prints one line saying what it skipped and why.
 * A server that answers the connect but refuses the engine (bad credentials, no such database)
 * is remembered per URL the same way.
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

    /**
     * The options of the test engines: the defaults, but a cartesian product nobody asked for is a {@code CompileError}
     * ({@code fromLinting(RAISE)}), so every statement the suites run — the ORM's own included — is held to the from
     * linter; a test that means a product says so with {@code crossJoin}.
     */
    public static EngineOptions strict() { return EngineOptions.defaults().fromLinting(org.athanor.core.engine.FromLinting.RAISE); }

    /** An engine on an in-memory SQLite database. */
    public static Engine sqlite() { return Engine.create("sqlite://", strict()); }

    public static Engine postgres() { return server("PostgreSQL", postgresUrl(), strict().poolSize(4)); }

    public static Engine mysql() { return server("MariaDB/MySQL", mysqlUrl(), strict().poolSize(4)); }

    /** How long the reachability probe waits for a TCP connect. */
    static final int PROBE_TIMEOUT_MILLIS = 1000;

    /** host:port -> why it does not answer ("" when it does); decided once per JVM. */
    private static final Map<String, String> PROBES = new ConcurrentHashMap<>();
    /** URL -> why Engine.create failed on it, so the pool's timeout is waited out once, not per test class. */
    private static final Map<String, String> FAILED_URLS = new ConcurrentHashMap<>();
    /** Servers already announced as skipped in this JVM. */
    private static final Map<String, Boolean> ANNOUNCED = new ConcurrentHashMap<>();

    /** An engine on a server, or a skip (a failure when {@link #required()}) when it does not answer. */
    public static Engine server(String name, String url, EngineOptions options) {
        String redacted = DatabaseUrl.redact(url);
        String address = address(url);
        if (address != null) {
            String why = PROBES.computeIfAbsent(address, TestDatabases::probe);
            if (!why.isEmpty()) unavailable(name, address, "nothing answers at " + address + " (" + why + ")");
        }
        String failed = FAILED_URLS.get(url);
        if (failed != null) unavailable(name, redacted, failed);
        try {
            return Engine.create(url, options);
        } catch (RuntimeException e) {
            String why = "cannot open " + redacted + " (" + e.getMessage() + ")";
            FAILED_URLS.put(url, why);
            unavailable(name, redacted, why);
            throw new AssertionError("unreachable");
        }
    }

    /** Fails (when required) or aborts the calling test; the first time per server it prints one line. */
    private static void unavailable(String name, String where, String why) {
        if (required()) {
            Assertions.fail(name + ": " + why + "; CI=true / athanor.requireDatabases=true make this a failure");
        }
        if (ANNOUNCED.putIfAbsent(name + " " + where, Boolean.TRUE) == null) {
            Path dir = Path.of("").toAbsolutePath().getFileName();
            System.out.println("[athanor] SKIPPING the " + name + " tests of " + (dir == null ? "this module" : dir) + ": "
                    + why + ". Start the server, point -Dathanor.postgres.url / -Dathanor.mysql.url elsewhere,"
                    + " or set CI=true / -Dathanor.requireDatabases=true to fail instead.");
        }
        Assumptions.abort(name + " skipped: " + why);
    }

    /** "" when a TCP connection to {@code host:port} opens within the probe timeout, else the reason. */
    private static String probe(String address) {
        int colon = address.lastIndexOf(':');
        String host = address.substring(0, colon);
        int port = Integer.parseInt(address.substring(colon + 1));
        if (host.startsWith("[") && host.endsWith("]")) host = host.substring(1, host.length() - 1);
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host, port), PROBE_TIMEOUT_MILLIS);
            return "";
        } catch (IOException e) {
            String why = e.getMessage();
            return why == null || why.isBlank() ? e.getClass().getSimpleName() : why;
        }
    }

    /**
     * {@code host:port} of a server URL (SQLAlchemy form or {@code jdbc:}), with the scheme's default
     * port; null when it cannot be told (a socket file, an unusual JDBC form), so no probe is made.
     */
    static String address(String url) {
        try {
            String scheme;
            String host;
            Integer port = null;
            if (url.startsWith("jdbc:")) {
                int colon = url.indexOf(':', 5);
                int slashes = url.indexOf("//");
                if (colon < 0 || slashes < 0) return null;
                scheme = url.substring(5, colon);
                String rest = url.substring(slashes + 2);
                int end = rest.length();
                for (char c : new char[] {'/', '?', ';', ','}) {
                    int i = rest.indexOf(c);
                    if (i >= 0 && i < end) end = i;
                }
                String hostPort = rest.substring(0, end);
                hostPort = hostPort.substring(hostPort.lastIndexOf('@') + 1);
                int c = hostPort.lastIndexOf(':');
                if (c >= 0 && !hostPort.endsWith("]")) {
                    port = Integer.valueOf(hostPort.substring(c + 1));
                    hostPort = hostPort.substring(0, c);
                }
                host = hostPort;
            } else {
                DatabaseUrl u = DatabaseUrl.parse(url);
                scheme = u.scheme();
                host = u.host();
                port = u.port();
            }
            if (host == null || host.isEmpty()) host = "localhost";
            if (port == null) {
                String s = scheme.toLowerCase(Locale.ROOT);
                if (s.startsWith("postgres")) port = 5432;
                else if (s.startsWith("mysql") || s.startsWith("mariadb")) port = 3306;
                else return null;
            }
            return host + ":" + port;
        } catch (RuntimeException e) {
            return null;
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
