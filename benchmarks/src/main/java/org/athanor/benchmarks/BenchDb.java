package org.athanor.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.athanor.core.engine.Engine;
import org.athanor.core.engine.EngineOptions;

/**
 * One benchmark database: an Athanor Engine and, for the hand-written JDBC peer, a HikariCP pool
 * with the same driver settings (autocommit off, SQLite in WAL mode with foreign keys on), and a
 * customer table under a unique name that {@link #close()} drops.
 *
 * <p>{@code sqlite}: a file in a fresh temporary directory. {@code postgres}: 127.0.0.1:5432,
 * user postgres, database test (override with -Dathanor.bench.pgUrl=jdbc:postgresql://host:port/db
 * and -Dathanor.bench.pgUser=...). {@code mariadb}: 127.0.0.1:3306, user root without password,
 * database test (-Dathanor.bench.mariadbUrl / -Dathanor.bench.mariadbUser), through Connector/J with
 * the driver settings Athanor's MySQL dialect applies ({@code MysqlDialectProvider.DEFAULTS}) on
 * both sides.
 */
final class BenchDb implements AutoCloseable {
    static final String PG_URL = System.getProperty("athanor.bench.pgUrl", "jdbc:postgresql://127.0.0.1:5432/test");
    static final String PG_USER = System.getProperty("athanor.bench.pgUser", "postgres");
    static final String MARIADB_URL = System.getProperty("athanor.bench.mariadbUrl", "jdbc:mysql://127.0.0.1:3306/test");
    static final String MARIADB_USER = System.getProperty("athanor.bench.mariadbUser", "root");

    final String kind;
    final Engine engine;
    final HikariDataSource jdbc;
    final Customer customer;
    private final Path dir;
    /** PostgreSQL: the schema every connection of this database works in (its search path), or null for the default. */
    private final String schema;
    private final java.util.List<AutoCloseable> extra = new java.util.ArrayList<>();

    BenchDb(String kind, int fetchSize) { this(kind, fetchSize, null); }

    /**
     * {@code schema} (PostgreSQL only; null: the default): created here, made the search path of the Athanor engine,
     * the JDBC pool and {@link #sqlApart}, and dropped with everything in it by {@link #close()}, so that fixed table
     * names of mapped entities do not clash between two benchmark runs at once.
     */
    BenchDb(String kind, int fetchSize, String schema) {
        this.kind = kind;
        if (schema != null && !kind.equals("postgres"))
            throw new IllegalArgumentException("a schema of its own is for PostgreSQL only, not '" + kind + "'");
        this.schema = schema;
        if (schema != null) createSchema(schema);
        String table = "bench_customer_" + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffffL);
        this.customer = new Customer(table);
        EngineOptions options = EngineOptions.defaults().poolSize(2).fetchSize(fetchSize);
        if (schema != null) options = options.driverProperties(java.util.Map.of("currentSchema", schema));
        HikariConfig hc = new HikariConfig();
        hc.setAutoCommit(false);
        hc.setMaximumPoolSize(2);
        hc.setPoolName("bench-jdbc-" + kind);
        try {
            switch (kind) {
                case "sqlite" -> {
                    dir = Files.createTempDirectory("athanor-bench");
                    Path file = dir.resolve("bench.db").toAbsolutePath();
                    engine = Engine.create(sqliteUrl(), options);
                    hc.setJdbcUrl("jdbc:sqlite:" + file);
                    // the same connection settings the SQLite dialect uses for files
                    hc.addDataSourceProperty("foreign_keys", "true");
                    hc.addDataSourceProperty("busy_timeout", "10000");
                    hc.addDataSourceProperty("journal_mode", "WAL");
                }
                case "postgres" -> {
                    dir = null;
                    hc.setJdbcUrl(PG_URL);
                    hc.setUsername(PG_USER);
                    // the driver setting Athanor's PostgreSQL dialect turns on (see PostgresDialectProvider):
                    // the JDBC peer gets the same, so a JDBC batch is sent as multi-row INSERTs on both sides
                    hc.addDataSourceProperty("reWriteBatchedInserts", "true");
                    if (schema != null) hc.addDataSourceProperty("currentSchema", schema);
                    engine = postgresEngine(options);
                }
                case "mariadb" -> {
                    dir = null;
                    hc.setJdbcUrl(MARIADB_URL);
                    hc.setUsername(MARIADB_USER);
                    // the peer gets the driver settings Athanor's dialect applies (client-side prepared
                    // statements with the driver's cache, batches rewritten as multi-row INSERTs, ...)
                    org.athanor.mysql.MysqlDialectProvider.DEFAULTS.forEach(hc::addDataSourceProperty);
                    engine = Engine.create("mysql://" + MARIADB_USER + "@" + MARIADB_URL.substring("jdbc:mysql://".length()), options);
                }
                default -> throw new IllegalArgumentException("unknown benchmark database '" + kind + "'; expected sqlite, postgres or mariadb");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        jdbc = new HikariDataSource(hc);
        String id = switch (kind) {
            case "postgres" -> "id BIGSERIAL PRIMARY KEY";
            case "mariadb" -> "id BIGINT AUTO_INCREMENT PRIMARY KEY";
            default -> "id INTEGER PRIMARY KEY AUTOINCREMENT";
        };
        sql("CREATE TABLE " + table + " (" + id + ", name VARCHAR(255), description VARCHAR(255))");
    }

    private Engine postgresEngine(EngineOptions options) {
        return Engine.create("postgresql://" + PG_USER + "@" + PG_URL.substring("jdbc:postgresql://".length()), options);
    }

    /** A unique schema name for one run: {@code <prefix>_<random hex>}. */
    static String uniqueSchema(String prefix) {
        return prefix + "_" + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffffL);
    }

    /** The JDBC URL of this database for a client of its own (Hibernate): PostgreSQL's with this run's schema. */
    String jdbcUrl() {
        if (!kind.equals("postgres")) throw new IllegalStateException("jdbcUrl() is for PostgreSQL, not '" + kind + "'");
        return schema == null ? PG_URL : PG_URL + (PG_URL.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    private static void createSchema(String schema) {
        java.util.Properties props = new java.util.Properties();
        props.setProperty("user", PG_USER);
        try (Connection c = java.sql.DriverManager.getConnection(PG_URL, props); Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("CREATE SCHEMA " + schema + ": " + e.getMessage(), e);
        }
    }

    private String sqliteUrl() { return "sqlite:///" + dir.resolve("bench.db").toAbsolutePath(); }

    /** Another engine on the same database (e.g. with a fetch size for streaming); closed with this. */
    Engine openEngine(EngineOptions options) {
        Engine e = kind.equals("sqlite") ? Engine.create(sqliteUrl(), options) : postgresEngine(options);
        extra.add(e);
        return e;
    }

    /** Runs DDL or a maintenance statement and commits. */
    void sql(String sql) {
        try (Connection c = jdbc.getConnection(); Statement st = c.createStatement()) {
            st.execute(sql);
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** Empties the customer table (between iterations of insert benchmarks). */
    void clear() {
        sqlApart(switch (kind) {
            case "postgres" -> "TRUNCATE " + customer.name() + " RESTART IDENTITY";
            case "mariadb" -> "TRUNCATE TABLE " + customer.name();
            default -> "DELETE FROM " + customer.name();
        });
    }

    /**
     * Runs a statement on a connection of its own, neither side's: on SQLite a write through one
     * connection empties the page cache of every other (WAL), so emptying the table through the JDBC
     * peer's pool would leave that side's cache warm and Athanor's cold for the next measured round.
     */
    void sqlApart(String sql) {
        String url = switch (kind) {
            case "postgres" -> PG_URL;
            case "mariadb" -> MARIADB_URL;
            default -> "jdbc:sqlite:" + dir.resolve("bench.db").toAbsolutePath();
        };
        java.util.Properties props = new java.util.Properties();
        if (kind.equals("postgres")) {
            props.setProperty("user", PG_USER);
            if (schema != null) props.setProperty("currentSchema", schema);
        } else if (kind.equals("mariadb")) props.setProperty("user", MARIADB_USER);
        else props.setProperty("busy_timeout", "10000");
        try (Connection c = java.sql.DriverManager.getConnection(url, props); Statement st = c.createStatement()) {
            st.execute(sql);
            // SQLite: fold the WAL back into the database now, so no measured round pays a checkpoint
            // that the rounds before it caused (which side's commit crosses the threshold is chance)
            if (kind.equals("sqlite")) st.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /**
     * Closes every pooled connection the setup used (DDL, a fill's inserts, ANALYZE), on both sides, so the measured
     * rounds run on database sessions that did none of it. On PostgreSQL the server session that loaded the rows
     * answered the same statements faster than any other: the hand-written JDBC select-in of {@link RelLoadBenchmark}
     * took 3.83 ms on the pool that had filled the tables and 4.20–4.44 ms on any other pool of the same
     * configuration, 4.41 ms on the filling pool too once its connections were replaced (docs/benchmarks.md, session
     * 15) — an edge the JDBC side had had, being the pool every fill went through. Call it at the end of a fill.
     */
    void freshConnections() {
        jdbc.getHikariPoolMXBean().softEvictConnections();
        if (engine.dataSource() instanceof HikariDataSource h) h.getHikariPoolMXBean().softEvictConnections();
    }

    /** Inserts {@code n} customers with ids 1..n through a JDBC batch. */
    void fill(int n) {
        String sql = "INSERT INTO " + customer.name() + " (id, name, description) VALUES (?, ?, ?)";
        try (Connection c = jdbc.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 1; i <= n; i++) {
                ps.setLong(1, i);
                ps.setString(2, "customer name " + i);
                ps.setString(3, "customer description " + i);
                ps.addBatch();
                if (i % 1000 == 0) ps.executeBatch();
            }
            ps.executeBatch();
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
        if (kind.equals("postgres")) sql("ANALYZE " + customer.name());
        if (kind.equals("mariadb")) sql("ANALYZE TABLE " + customer.name());
        freshConnections();
    }

    @Override
    public void close() {
        try {
            sql(schema != null ? "DROP SCHEMA " + schema + " CASCADE" : "DROP TABLE IF EXISTS " + customer.name());
        } finally {
            jdbc.close();
            engine.close();
            for (AutoCloseable c : extra) {
                try {
                    c.close();
                } catch (Exception e) {
                    throw new IllegalStateException("closing " + c + " failed", e);
                }
            }
            if (dir != null) deleteTree(dir);
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
