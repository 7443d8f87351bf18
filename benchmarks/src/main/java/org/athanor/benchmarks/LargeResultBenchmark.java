package org.athanor.benchmarks;

import static org.athanor.core.sql.Sql.select;

import io.vavr.Tuple3;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.athanor.core.engine.Connection;
import org.athanor.core.engine.Engine;
import org.athanor.core.engine.EngineOptions;
import org.athanor.core.engine.Result;
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
 * Issue 4, SQLAlchemy performance suite "large_resultsets": 500,000 rows of (id, name,
 * description), read all at once into a list, and streamed row by row (PostgreSQL: a server-side
 * cursor through fetch size 1000 on both sides; SQLite's driver always steps lazily). Each
 * invocation takes a pooled connection, as an application would.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class LargeResultBenchmark {
    static final int ROWS = 500_000;
    static final int FETCH = 1000;

    @Param({"sqlite", "postgres"})
    public String db;

    private BenchDb bench;
    private Engine streaming;
    private String sql;

    @Setup(Level.Trial)
    public void setUp() {
        bench = new BenchDb(db, 0);
        bench.fill(ROWS);
        streaming = bench.openEngine(EngineOptions.defaults().poolSize(2).fetchSize(FETCH));
        sql = "SELECT id, name, description FROM " + bench.customer.name();
    }

    @TearDown(Level.Trial)
    public void tearDown() { bench.close(); }

    @Benchmark
    public List<Tuple3<Long, String, String>> athanorAll() {
        Customer c = bench.customer;
        try (Connection conn = bench.engine.connect()) {
            return conn.execute(select(c.ID, c.NAME, c.DESCRIPTION).from(c)).all();
        }
    }

    @Benchmark
    public List<Customer.Row> jdbcAll() throws SQLException {
        try (java.sql.Connection conn = bench.jdbc.getConnection();
             PreparedStatement ps = conn.prepareStatement(sql);
             ResultSet rs = ps.executeQuery()) {
            List<Customer.Row> out = new ArrayList<>();
            while (rs.next()) out.add(new Customer.Row(rs.getLong(1), rs.getString(2), rs.getString(3)));
            conn.rollback();
            return out;
        }
    }

    @Benchmark
    public void athanorStream(Blackhole bh) {
        Customer c = bench.customer;
        try (Connection conn = streaming.connect();
             Result<Tuple3<Long, String, String>> r = conn.execute(select(c.ID, c.NAME, c.DESCRIPTION).from(c))) {
            for (Tuple3<Long, String, String> row : r) bh.consume(row);
        }
    }

    @Benchmark
    public void jdbcStream(Blackhole bh) throws SQLException {
        try (java.sql.Connection conn = bench.jdbc.getConnection(); PreparedStatement ps = conn.prepareStatement(sql)) {
            ps.setFetchSize(FETCH);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) bh.consume(new Customer.Row(rs.getLong(1), rs.getString(2), rs.getString(3)));
            }
            conn.rollback();
        }
    }
}
