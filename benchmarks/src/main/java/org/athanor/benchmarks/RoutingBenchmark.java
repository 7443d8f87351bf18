package org.athanor.benchmarks;

import static org.athanor.core.sql.Sql.*;

import io.vavr.Tuple3;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.athanor.core.engine.Connection;
import org.athanor.core.engine.Engine;
import org.athanor.core.engine.EngineOptions;
import org.athanor.core.engine.ExecutionEvent;
import org.athanor.core.engine.ExecutionListener;
import org.athanor.core.routing.RoutingEngine;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Issue 20: what read-replica routing costs, and how it spreads reads. On the scale-out primary of
 * .ci/pg-clusters.sh (127.0.0.1:5433; -Dathanor.bench.primaryUrl) and its streaming standby (5434;
 * -Dathanor.bench.standbyUrl).
 *
 * Each call does {@value #OPS} operations.
 * <ul>
 * <li>{@code readPlain} / {@code readRouted}: a read unit (check out a connection, one primary-key
 *     SELECT, close) from a plain Engine, and through a RoutingEngine whose only replica is a second
 *     Engine on the <em>same</em> server, so both sides do the same database work and the difference
 *     is the routing.</li>
 * <li>{@code writePlain} / {@code writeRouted}: one write transaction (UPDATE of one row, COMMIT),
 *     plain, and through the RoutingEngine's statement routing ({@code connectFor(update)}).</li>
 * <li>{@code readSplit}: reads through a RoutingEngine over the real primary (read weight 1) and the
 *     standby (weight 3); the tear-down prints how many reads each server took.</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class RoutingBenchmark {
    static final String PRIMARY = System.getProperty("athanor.bench.primaryUrl", "postgresql://postgres@127.0.0.1:5433/test");
    static final String STANDBY = System.getProperty("athanor.bench.standbyUrl", "postgresql://postgres@127.0.0.1:5434/test");
    static final int ROWS = 1000;
    /** Operations per benchmark call: a call is long enough for {@link Interleaved}'s per-round ratios. */
    static final int OPS = 200;

    /**
     * {@code postgres}: the scale-out primary and standby. {@code sqlite}: a local file (both engines on
     * it, no standby): a read costs ~10 µs there instead of ~100, so the routing's own cost shows more.
     */
    @org.openjdk.jmh.annotations.Param({"postgres"})
    public String server = "postgres";

    private java.nio.file.Path sqliteDir;
    private Engine plain;
    private Engine sameServer;
    private RoutingEngine routed;
    private Engine standby;
    private RoutingEngine split;
    private Customer customer;
    private final LongAdder onPrimary = new LongAdder();
    private final LongAdder onStandby = new LongAdder();
    private long next;

    @Setup(Level.Trial)
    public void setUp() throws InterruptedException {
        EngineOptions options = EngineOptions.defaults().poolSize(2);
        String url = PRIMARY;
        if (server.equals("sqlite")) {
            try {
                sqliteDir = java.nio.file.Files.createTempDirectory("athanor-route-bench");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            url = "sqlite:///" + sqliteDir.resolve("bench.db");
        }
        plain = Engine.create(url, options);
        sameServer = Engine.create(url, options);
        routed = RoutingEngine.builder(plain).replica(sameServer).build();
        customer = new Customer("bench_route_" + Long.toHexString(System.nanoTime() & 0xffffffL));
        plain.inTransaction(c -> {
            c.executeSql("CREATE TABLE " + customer.name() + " (id BIGINT PRIMARY KEY, name VARCHAR(255), description VARCHAR(255))");
            for (long i = 1; i <= ROWS; i++)
                c.execute(insert(customer).set(customer.ID, i).set(customer.NAME, "name " + i).set(customer.DESCRIPTION, "d"));
        });
        if (sqliteDir != null) { // no standby: readSplit is for postgres only
            plain.addExecutionListener(counter(onPrimary));
            return;
        }
        standby = Engine.create(STANDBY, options.prePing(false));
        // count, per server, the reads of readSplit (the routed engines: plain counts on the primary side too)
        plain.addExecutionListener(counter(onPrimary));
        standby.addExecutionListener(counter(onStandby));
        split = RoutingEngine.builder(plain).primaryReadWeight(1).replica(standby, 3).build();
        for (int i = 0; i < 200; i++) { // the standby has replayed the table
            try (Connection c = standby.connect()) {
                if (c.scalar(select(count()).from(customer)) == ROWS) break;
            } catch (RuntimeException notYet) {
                Thread.sleep(50);
            }
        }
    }

    private static ExecutionListener counter(LongAdder n) {
        return new ExecutionListener() {
            @Override public void finished(ExecutionEvent e) { n.increment(); }
        };
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        long p = onPrimary.sum();
        long s = onStandby.sum();
        System.out.printf("%nstatements finished: primary engine %d, standby engine %d (the primary's include readPlain/writes when run together)%n", p, s);
        plain.inTransaction(c -> c.executeSql("DROP TABLE " + customer.name()));
        if (split != null) split.close(); // closes plain and standby
        plain.close();
        sameServer.close();
        if (sqliteDir != null) {
            try (var files = java.nio.file.Files.list(sqliteDir)) {
                for (java.nio.file.Path f : files.toList()) java.nio.file.Files.delete(f);
                java.nio.file.Files.delete(sqliteDir);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    private long id() { return 1 + (next++ % ROWS); }

    private Tuple3<Long, String, String> read(Connection c) {
        return c.execute(select(customer.ID, customer.NAME, customer.DESCRIPTION).where(customer.ID.eq(id()))).first();
    }

    @Benchmark
    public void readPlain(Blackhole bh) {
        for (int i = 0; i < OPS; i++) {
            try (Connection c = plain.connect()) {
                bh.consume(read(c));
            }
        }
    }

    @Benchmark
    public void readRouted(Blackhole bh) {
        for (int i = 0; i < OPS; i++) {
            try (Connection c = routed.connectForRead()) {
                bh.consume(read(c));
            }
        }
    }

    @Benchmark
    public void writePlain(Blackhole bh) {
        for (int i = 0; i < OPS; i++) {
            try (Connection c = plain.connect()) {
                bh.consume(c.execute(update(customer).set(customer.DESCRIPTION, "w").where(customer.ID.eq(id()))));
                c.commit();
            }
        }
    }

    @Benchmark
    public void writeRouted(Blackhole bh) {
        for (int i = 0; i < OPS; i++) {
            var stmt = update(customer).set(customer.DESCRIPTION, "w").where(customer.ID.eq(id()));
            try (Connection c = routed.connectFor(stmt)) {
                bh.consume(c.execute(stmt));
                c.commit();
            }
        }
    }

    @Benchmark
    public void readSplit(Blackhole bh) {
        if (split == null) throw new IllegalStateException("readSplit needs server=postgres (a real standby)");
        for (int i = 0; i < OPS; i++) {
            try (Connection c = split.connectForRead()) {
                bh.consume(read(c));
            }
        }
    }
}
