package org.athanor.benchmarks;

import static org.athanor.core.sql.Sql.select;

import io.vavr.Tuple3;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Random;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * Issue 4, SQLAlchemy performance suite "short_selects", test "new statement each time":
 * 10,000 primary-key lookups in random order on one connection, each building a new statement
 * (Core: {@code select(...).where(id.eq(x))}, executed and read with {@code first()}; JDBC:
 * {@code prepareStatement} per lookup, bind, execute, read by index, close).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class PkSelectBenchmark {
    static final int ROWS = 10_000;

    @Param({"sqlite", "postgres"})
    public String db;

    private BenchDb bench;
    private long[] ids;
    private String sql;

    @Setup(Level.Trial)
    public void setUp() {
        bench = new BenchDb(db, 0);
        bench.fill(ROWS);
        ids = new long[ROWS];
        Random random = new Random(42);
        for (int i = 0; i < ROWS; i++) ids[i] = 1 + random.nextInt(ROWS);
        sql = "SELECT id, name, description FROM " + bench.customer.name() + " WHERE id = ?";
    }

    @TearDown(Level.Trial)
    public void tearDown() { bench.close(); }

    @Benchmark
    public void athanor(Blackhole bh) {
        Customer c = bench.customer;
        try (Connection conn = bench.engine.connect()) {
            for (long id : ids) {
                Tuple3<Long, String, String> row = conn.execute(select(c.ID, c.NAME, c.DESCRIPTION).where(c.ID.eq(id))).first();
                bh.consume(row);
            }
        }
    }

    @Benchmark
    public void jdbc(Blackhole bh) throws SQLException {
        try (java.sql.Connection conn = bench.jdbc.getConnection()) {
            for (long id : ids) {
                try (PreparedStatement ps = conn.prepareStatement(sql)) {
                    ps.setLong(1, id);
                    try (ResultSet rs = ps.executeQuery()) {
                        bh.consume(rs.next() ? new Customer.Row(rs.getLong(1), rs.getString(2), rs.getString(3)) : null);
                    }
                }
            }
            conn.rollback();
        }
    }
}
