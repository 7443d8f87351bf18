package org.athanor.benchmarks;

import java.util.Properties;
import org.athanor.orm.Registry;
import org.athanor.orm.SessionFactory;
import org.hibernate.cfg.Configuration;

/**
 * The issue 5 databases: a {@link BenchDb} whose table is the mapped {@code bench_orm_customer},
 * an Athanor SessionFactory, and on PostgreSQL a Hibernate 7 SessionFactory over the same table
 * (Hibernate 7 ships no SQLite dialect in hibernate-core, so it runs on PostgreSQL only). The table
 * name is fixed by the mapping: on PostgreSQL it lives in a schema of the run's own (dropped at
 * {@link #close}), and SQLite's database is a file of the run's own, so two runs cannot collide.
 */
final class OrmDb implements AutoCloseable {
    static final String TABLE = "bench_orm_customer";

    final BenchDb db;
    final SessionFactory athanor;
    final org.hibernate.SessionFactory hibernate;

    /** Issue 14h: how many other Athanor sessions stay open beside the measured work, and how many objects each holds. */
    static final int OTHER_SESSIONS = 8, HELD_PER_SESSION = 1000;
    private final java.util.List<org.athanor.orm.Session> others = new java.util.ArrayList<>();

    OrmDb(String kind) {
        db = new BenchDb(kind, 0, kind.equals("postgres") ? BenchDb.uniqueSchema("bench_orm") : null);
        db.sql("DROP TABLE IF EXISTS " + TABLE);
        String id = kind.equals("postgres") ? "id BIGSERIAL PRIMARY KEY" : "id INTEGER PRIMARY KEY AUTOINCREMENT";
        db.sql("CREATE TABLE " + TABLE + " (" + id + ", name VARCHAR(255), description VARCHAR(255))");
        athanor = SessionFactory.of(db.engine, Registry.of(OrmCustomer.class));
        if (kind.equals("postgres")) {
            Properties p = new Properties();
            p.put("hibernate.connection.url", db.jdbcUrl());
            p.put("hibernate.connection.username", BenchDb.PG_USER);
            p.put("hibernate.connection.pool_size", "2");
            p.put("hibernate.hbm2ddl.auto", "none");
            p.put("hibernate.jdbc.batch_size", "1000");
            p.put("hibernate.order_inserts", "true");
            // Athanor's processor generates OrmCustomer_ with Core columns; Hibernate would try to
            // inject its own JPA static metamodel into a class of that name
            p.put("hibernate.jpa.static_metamodel.population", "disabled");
            hibernate = new Configuration().addProperties(p).addAnnotatedClass(OrmCustomer.class).buildSessionFactory();
        } else {
            hibernate = null;
        }
    }

    /** Empties the table and restarts ids. */
    void clear() {
        db.sqlApart(db.kind.equals("postgres") ? "TRUNCATE " + TABLE + " RESTART IDENTITY" : "DELETE FROM " + TABLE);
    }

    /** Inserts n rows with ids 1..n through JDBC. */
    void fill(int n) {
        try (java.sql.Connection c = db.jdbc.getConnection();
             java.sql.PreparedStatement ps = c.prepareStatement("INSERT INTO " + TABLE + " (id, name, description) VALUES (?, ?, ?)")) {
            for (int i = 1; i <= n; i++) {
                ps.setLong(1, i);
                ps.setString(2, "customer name " + i);
                ps.setString(3, "customer description " + i);
                ps.addBatch();
            }
            ps.executeBatch();
            c.commit();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("filling " + TABLE + ": " + e.getMessage(), e);
        }
        if (db.kind.equals("postgres")) db.sql("ANALYZE " + TABLE);
        db.freshConnections();
    }

    /**
     * Opens {@link #OTHER_SESSIONS} sessions that each load {@link #HELD_PER_SESSION} rows of the
     * table and stay open, holding the objects, until {@link #close}: the ORM's cost per add, flush
     * and get must not depend on other sessions of the JVM (a server holds many at once). Each
     * commits after loading, so that it holds objects but no pooled connection (the pool has two).
     * The table must hold at least that many rows when called.
     */
    void openOtherSessions() {
        for (int i = 0; i < OTHER_SESSIONS; i++) {
            org.athanor.orm.Session s = athanor.openSession();
            int held = s.query(OrmCustomer.class).limit(HELD_PER_SESSION).all().size();
            if (held != HELD_PER_SESSION) throw new IllegalStateException("another session loaded " + held + " rows, not " + HELD_PER_SESSION);
            s.commit();
            others.add(s);
        }
    }

    @Override
    public void close() {
        for (org.athanor.orm.Session s : others) s.close();
        others.clear();
        try {
            if (hibernate != null) hibernate.close();
            db.sql("DROP TABLE IF EXISTS " + TABLE);
        } finally {
            db.close();
        }
    }
}
