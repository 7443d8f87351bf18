package org.athanor.benchmarks;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
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

/**
 * Issue 5: loading 10,000 entities in a fresh session — Athanor's {@code query(...).all()},
 * Hibernate 7's {@code createQuery("from OrmCustomer")} (PostgreSQL only), and a JDBC loop
 * building the same objects by column index. Eight other sessions stay open throughout, each
 * holding 1,000 loaded objects ({@link OrmDb#openOtherSessions}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class OrmLoadBenchmark {
    static final int ROWS = 10_000;

    @Param({"sqlite", "postgres"})
    public String db;

    private OrmDb orm;

    @Setup(Level.Trial)
    public void setUp() {
        orm = new OrmDb(db);
        orm.fill(ROWS);
        orm.openOtherSessions();
    }

    @TearDown(Level.Trial)
    public void tearDown() { orm.close(); }

    @Benchmark
    public List<OrmCustomer> athanor() {
        try (Session s = orm.athanor.openSession()) {
            return s.query(OrmCustomer.class).all();
        }
    }

    @Benchmark
    public List<OrmCustomer> hibernate() {
        if (orm.hibernate == null) throw new UnsupportedOperationException("Hibernate 7 core has no SQLite dialect");
        try (org.hibernate.Session s = orm.hibernate.openSession()) {
            s.beginTransaction();
            List<OrmCustomer> out = s.createSelectionQuery("from OrmCustomer", OrmCustomer.class).getResultList();
            s.getTransaction().commit();
            return out;
        }
    }

    @Benchmark
    public List<OrmCustomer> jdbc() throws SQLException {
        try (java.sql.Connection c = orm.db.jdbc.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT id, name, description FROM " + OrmDb.TABLE);
             ResultSet rs = ps.executeQuery()) {
            List<OrmCustomer> out = new ArrayList<>();
            while (rs.next()) out.add(new OrmCustomer(rs.getLong(1), rs.getString(2), rs.getString(3)));
            c.rollback();
            return out;
        }
    }
}
