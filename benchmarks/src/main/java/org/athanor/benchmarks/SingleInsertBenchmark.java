package org.athanor.benchmarks;

import static org.athanor.core.sql.Sql.insert;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import org.athanor.core.engine.Connection;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Issue 4, SQLAlchemy performance suite "single_inserts": 10,000 rows, each inserted in its own
 * transaction on a connection taken from the pool (Core: {@code engine.connect()}, execute,
 * commit, close; JDBC: {@code getConnection()}, prepare, execute, commit, close). Every commit
 * waits for the disk on both sides, so this measures per-statement overhead beside fsync.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class SingleInsertBenchmark {
    static final int ROWS = 10_000;

    @Param({"sqlite", "postgres"})
    public String db;

    private BenchDb bench;
    private String sql;

    @Setup(Level.Trial)
    public void setUp() {
        bench = new BenchDb(db, 0);
        sql = "INSERT INTO " + bench.customer.name() + " (name, description) VALUES (?, ?)";
    }

    @Setup(Level.Iteration)
    public void empty() { bench.clear(); }

    @TearDown(Level.Trial)
    public void tearDown() { bench.close(); }

    @Benchmark
    public int athanor() {
        Customer c = bench.customer;
        int n = 0;
        for (int i = 0; i < ROWS; i++) {
            try (Connection conn = bench.engine.connect()) {
                n += conn.execute(insert(c).set(c.NAME, "customer name " + i).set(c.DESCRIPTION, "customer description " + i));
                conn.commit();
            }
        }
        return n;
    }

    @Benchmark
    public int jdbc() throws SQLException {
        int n = 0;
        for (int i = 0; i < ROWS; i++) {
            try (java.sql.Connection conn = bench.jdbc.getConnection(); PreparedStatement ps = conn.prepareStatement(sql)) {
                ps.setString(1, "customer name " + i);
                ps.setString(2, "customer description " + i);
                n += ps.executeUpdate();
                conn.commit();
            }
        }
        return n;
    }
}
