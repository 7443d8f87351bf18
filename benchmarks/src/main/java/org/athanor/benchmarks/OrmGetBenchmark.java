package org.athanor.benchmarks;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.athanor.orm.Session;
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
 * Issue 5: 10,000 {@code get} by primary key, each in a fresh session (Athanor; Hibernate 7's
 * {@code find} in a transaction, PostgreSQL only) versus JDBC with a pooled connection and a
 * transaction per lookup. Eight other sessions stay open throughout, each holding 1,000 loaded
 * objects ({@link OrmDb#openOtherSessions}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class OrmGetBenchmark {
    static final int ROWS = 10_000;

    @Param({"sqlite", "postgres"})
    public String db;

    private OrmDb orm;
    private long[] ids;

    @Setup(Level.Trial)
    public void setUp() {
        orm = new OrmDb(db);
        orm.fill(ROWS);
        orm.openOtherSessions();
        ids = new long[ROWS];
        Random random = new Random(42);
        for (int i = 0; i < ROWS; i++) ids[i] = 1 + random.nextInt(ROWS);
    }

    @TearDown(Level.Trial)
    public void tearDown() { orm.close(); }

    @Benchmark
    public void athanor(Blackhole bh) {
        for (long id : ids) {
            try (Session s = orm.athanor.openSession()) {
                bh.consume(s.get(OrmCustomer.class, id));
            }
        }
    }

    @Benchmark
    public void hibernate(Blackhole bh) {
        if (orm.hibernate == null) throw new UnsupportedOperationException("Hibernate 7 core has no SQLite dialect");
        for (long id : ids) {
            try (org.hibernate.Session s = orm.hibernate.openSession()) {
                s.beginTransaction();
                bh.consume(s.find(OrmCustomer.class, id));
                s.getTransaction().commit();
            }
        }
    }

    @Benchmark
    public void jdbc(Blackhole bh) throws SQLException {
        String sql = "SELECT id, name, description FROM " + OrmDb.TABLE + " WHERE id = ?";
        for (long id : ids) {
            try (java.sql.Connection c = orm.db.jdbc.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    bh.consume(rs.next() ? new OrmCustomer(rs.getLong(1), rs.getString(2), rs.getString(3)) : null);
                }
                c.commit();
            }
        }
    }
}
