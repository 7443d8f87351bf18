package org.athanor.benchmarks;

import static org.athanor.core.sql.Sql.select;
import static org.athanor.core.type.SqlTypes.*;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.SQLException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.athanor.core.dialect.Dialect;
import org.athanor.core.engine.Connection;
import org.athanor.core.engine.Engine;
import org.athanor.core.engine.EngineOptions;
import org.athanor.core.schema.Column;
import org.athanor.core.schema.Table;
import org.openjdk.jmh.annotations.*;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Issue 13: whose prepared-statement cache a short request should rely on. One request = check out
 * a connection, three selects of different shapes by primary key, close (rolled back: no commit
 * flush to drown the difference) — a read request as an ORM serves it, where statements outlive the
 * checkout or are prepared again.
 *
 * <ul>
 * <li>{@code engine()}: {@code Engine.create(url)}, Athanor keeping up to 32 prepared statements per
 *     pooled connection across checkouts (the default), the driver at the dialect's settings
 *     (pgjdbc's defaults; Connector/J {@code useServerPrepStmts=false, cachePrepStmts=true}).</li>
 * <li>{@code driver()}: an Engine over a HikariCP pool of the same size ({@code Engine.of}), which
 *     keeps statements for one checkout only, so every request prepares them again and the driver's
 *     cache is what saves the work: pgjdbc {@code prepareThreshold=1, preparedStatementCacheQueries=256}
 *     (server-prepared from the first use, kept per connection by SQL); Connector/J
 *     {@code useServerPrepStmts=true, cachePrepStmts=true} (server-side statements cached by the driver).</li>
 * <li>{@code driverDefaults()}: as {@code driver()}, the driver at the dialect's own settings
 *     (pgjdbc's defaults, {@code prepareThreshold=5}; Connector/J client-side statements with its
 *     parse cache): what the dialect would use if the engine stopped keeping statements.</li>
 * </ul>
 * Each operation is 200 requests. Judge by {@code Interleaved StatementCacheBenchmark db=postgres 5 40 engine driver}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class StatementCacheBenchmark {
    static final class Items extends Table {
        final Column<Long> ID = column("id", BIGINT, primaryKey());
        final Column<String> NAME = column("name", varchar(100));
        final Column<Long> QTY = column("qty", BIGINT);
        Items(String name) { super(name); }
    }

    static final int ROWS = 1000;

    @Param({"postgres", "mariadb"})
    public String db;

    /** Requests per measured operation: enough work for one timing of {@link Interleaved}. */
    static final int REPS = 200;

    private Engine engine, driverEngine, plainEngine;
    private Engine setupEngine;
    private HikariDataSource pool, plainPool;
    private Items t;

    @Setup(Level.Trial)
    public void setUp() {
        t = new Items("bench_sc_" + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffffL));
        String url = db.equals("postgres") ? "postgresql://postgres@127.0.0.1:5432/test" : "mariadb://root@127.0.0.1:3306/test";
        setupEngine = Engine.create(url, EngineOptions.defaults().poolSize(1));
        org.athanor.core.schema.MetaData.of(t).createAll(setupEngine);
        java.util.List<java.util.Map<? extends Column<?>, ?>> rows = new java.util.ArrayList<>();
        for (long i = 1; i <= ROWS; i++) rows.add(java.util.Map.of(t.ID, i, t.NAME, "name " + i, t.QTY, i));
        setupEngine.inTransaction(c -> c.insertMany(org.athanor.core.sql.Sql.insert(t), rows));
        engine = Engine.create(url, EngineOptions.defaults().poolSize(2));
        HikariConfig hc = new HikariConfig();
        hc.setAutoCommit(false);
        hc.setMaximumPoolSize(2);
        Dialect dialect = setupEngine.dialect();
        if (db.equals("postgres")) {
            hc.setJdbcUrl("jdbc:postgresql://127.0.0.1:5432/test");
            hc.setUsername("postgres");
            hc.addDataSourceProperty("prepareThreshold", "1");
            hc.addDataSourceProperty("preparedStatementCacheQueries", "256");
        } else {
            hc.setJdbcUrl("jdbc:mysql://127.0.0.1:3306/test");
            hc.setUsername("root");
            hc.setPassword("");
            hc.addDataSourceProperty("useServerPrepStmts", "true");
            hc.addDataSourceProperty("cachePrepStmts", "true");
            hc.addDataSourceProperty("prepStmtCacheSize", "250");
            hc.addDataSourceProperty("prepStmtCacheSqlLimit", "2048");
        }
        pool = new HikariDataSource(hc);
        driverEngine = Engine.of(pool, dialect);
        HikariConfig plain = new HikariConfig();
        plain.setAutoCommit(false);
        plain.setMaximumPoolSize(2);
        plain.setJdbcUrl(hc.getJdbcUrl());
        plain.setUsername(hc.getUsername());
        plain.setPassword(hc.getPassword());
        if (db.equals("postgres")) plain.addDataSourceProperty("reWriteBatchedInserts", "true");
        else org.athanor.mysql.MysqlDialectProvider.DEFAULTS.forEach(plain::addDataSourceProperty);
        plainPool = new HikariDataSource(plain);
        plainEngine = Engine.of(plainPool, dialect);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        engine.close();
        driverEngine.close();
        plainEngine.close();
        pool.close();
        plainPool.close();
        org.athanor.core.schema.MetaData.of(t).dropAll(setupEngine);
        setupEngine.close();
    }

    @Benchmark
    public void engine(Blackhole bh) { for (int k = 0; k < REPS; k++) request(engine, bh); }

    @Benchmark
    public void driver(Blackhole bh) { for (int k = 0; k < REPS; k++) request(driverEngine, bh); }

    @Benchmark
    public void driverDefaults(Blackhole bh) { for (int k = 0; k < REPS; k++) request(plainEngine, bh); }

    private void request(Engine e, Blackhole bh) {
        long id = 1 + ThreadLocalRandom.current().nextInt(ROWS);
        try (Connection c = e.connect()) {
            bh.consume(c.execute(select(t.NAME, t.QTY).where(t.ID.eq(id))).first());
            bh.consume(c.execute(select(t.ID).where(t.QTY.gt(id), t.ID.lt(id + 3))).all());
            bh.consume(c.execute(select(t.NAME).where(t.ID.in(id, id + 1, id + 2))).all());
        }
    }
}
