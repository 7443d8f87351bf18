package org.athanor.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.athanor.core.engine.Engine;
import org.athanor.core.engine.EngineOptions;
import org.athanor.orm.Registry;
import org.athanor.orm.Session;
import org.athanor.orm.SessionFactory;
import org.hibernate.cfg.Configuration;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Issue 14: a concurrent request mix on PostgreSQL. Each request, in its own session and
 * transaction: get one customer by id, query 20 customers ({@code id >= ? ORDER BY id LIMIT 20}),
 * change the first one's name, insert one new customer (its generated id read back), commit.
 *
 * <ul>
 * <li>{@code athanor}: a fresh {@link Session}: {@code get}, {@code query(...).filter(...).orderBy(...).limit(20).all()},
 *     a setter, {@code add}, {@code commit}.
 * <li>{@code jdbc}: the same statements hand-written over a HikariCP pool, a transaction per request.
 * <li>{@code hibernate}: Hibernate 7 over a HikariCP pool: {@code find}, an HQL selection query with
 *     {@code setMaxResults(20)}, a setter, {@code persist} (IDENTITY), {@code commit}.
 * </ul>
 *
 * Run with JMH's {@code -t T}: every pool (Athanor's Engine, the JDBC peer's, Hibernate's) gets
 * exactly T connections (and the same minimum idle as the Engine's pool), so no thread waits for a
 * connection and the ORM is measured, not the pool. The table ({@value MixCustomer#TABLE}) holds
 * {@value #ROWS} rows at the start of every iteration (rows inserted by the previous iteration are
 * deleted) and is dropped at teardown. The score is the average time of one request on one thread;
 * throughput is T divided by it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RequestMixBenchmark {
    static final int ROWS = 10_000, PAGE = 20;
    static final String TABLE = MixCustomer.TABLE;
    static final String GET = "SELECT id, name, description FROM " + TABLE + " WHERE id = ?";
    static final String PAGE_SQL = "SELECT id, name, description FROM " + TABLE + " WHERE id >= ? ORDER BY id LIMIT ?";
    static final String UPDATE = "UPDATE " + TABLE + " SET name = ? WHERE id = ?";
    static final String INSERT = "INSERT INTO " + TABLE + " (name, description) VALUES (?, ?) RETURNING id";
    /** What Athanor's PostgreSQL dialect sends for an insert, even of one row: the columns bound as arrays. */
    static final String INSERT_UNNEST = "INSERT INTO " + TABLE + " (name, description) SELECT p0, p1 FROM unnest(CAST(? AS VARCHAR[]), "
            + "CAST(? AS VARCHAR[])) WITH ORDINALITY AS r (p0, p1, n) ORDER BY n RETURNING id";

    private Engine engine;
    private SessionFactory athanor;
    private HikariDataSource jdbc, hibernatePool;
    private org.hibernate.SessionFactory hibernate;

    @Setup(Level.Trial)
    public void setUp(BenchmarkParams params) { setUp(params.getThreads()); }

    /** Creates and fills the table and opens every side's pool with {@code threads} connections (also for {@link RequestMixInterleaved}). */
    void setUp(int threads) {
        apart("DROP TABLE IF EXISTS " + TABLE);
        apart("CREATE TABLE " + TABLE + " (id BIGSERIAL PRIMARY KEY, name VARCHAR(255), description VARCHAR(255))");
        apart("INSERT INTO " + TABLE + " (name, description) SELECT 'customer name ' || i, 'customer description ' || i FROM generate_series(1, " + ROWS + ") i");
        apart("ANALYZE " + TABLE);
        // the Engine's pool: maximum T, minimum idle min(2, T) (see Engine.create); the peers' pools alike
        engine = Engine.create("postgresql://" + BenchDb.PG_USER + "@" + BenchDb.PG_URL.substring("jdbc:postgresql://".length()),
                EngineOptions.defaults().poolSize(threads).echo(Boolean.getBoolean("athanor.bench.echo")));
        athanor = SessionFactory.of(engine, Registry.of(MixCustomer.class));
        jdbc = pool("bench-mix-jdbc", threads);
        hibernatePool = pool("bench-mix-hibernate", threads);
        Properties p = new Properties();
        p.put("hibernate.connection.datasource", hibernatePool);
        p.put("hibernate.connection.provider_disables_autocommit", "true");
        p.put("hibernate.hbm2ddl.auto", "none");
        p.put("hibernate.jpa.static_metamodel.population", "disabled"); // Athanor's processor owns MixCustomer_
        if (Boolean.getBoolean("athanor.bench.echo")) p.put("hibernate.show_sql", "true");
        hibernate = new Configuration().addProperties(p).addAnnotatedClass(MixCustomer.class).buildSessionFactory();
    }

    private static HikariDataSource pool(String name, int threads) {
        HikariConfig hc = new HikariConfig();
        hc.setJdbcUrl(BenchDb.PG_URL);
        hc.setUsername(BenchDb.PG_USER);
        hc.setAutoCommit(false);
        hc.setMaximumPoolSize(threads);
        hc.setMinimumIdle(Math.min(2, threads));
        hc.setPoolName(name);
        hc.addDataSourceProperty("reWriteBatchedInserts", "true"); // as Athanor's PostgreSQL dialect does
        return new HikariDataSource(hc);
    }

    /** Back to {@value #ROWS} rows before every iteration, on a connection of no side's pool. */
    @Setup(Level.Iteration)
    public void trim() { apart("DELETE FROM " + TABLE + " WHERE id > " + ROWS); }

    @TearDown(Level.Trial)
    public void tearDown() {
        try {
            if (hibernate != null) hibernate.close();
            if (hibernatePool != null) hibernatePool.close();
            if (jdbc != null) jdbc.close();
            if (engine != null) engine.close();
        } finally {
            apart("DROP TABLE IF EXISTS " + TABLE);
        }
    }

    private static void apart(String sql) {
        Properties props = new Properties();
        props.setProperty("user", BenchDb.PG_USER);
        try (Connection c = java.sql.DriverManager.getConnection(BenchDb.PG_URL, props); Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    private static long randomId(ThreadLocalRandom r) { return 1 + r.nextInt(ROWS); }
    private static long randomFrom(ThreadLocalRandom r) { return 1 + r.nextInt(ROWS - PAGE); }

    private static MixCustomer checked(MixCustomer inserted) {
        if (inserted.getId() == null) throw new IllegalStateException("the generated id was not assigned");
        return inserted;
    }

    @Benchmark
    public MixCustomer athanor(Blackhole bh) {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        MixCustomer fresh = new MixCustomer("new name " + r.nextInt(), "new description");
        try (Session s = athanor.openSession()) {
            MixCustomer one = s.get(MixCustomer.class, randomId(r));
            List<MixCustomer> page = s.query(MixCustomer.class).filter(MixCustomer_.id.ge(randomFrom(r)))
                    .orderBy(MixCustomer_.id.asc()).limit(PAGE).all();
            bh.consume(page);
            one.setName("changed " + r.nextInt());
            s.add(fresh);
            s.commit();
        }
        return checked(fresh);
    }

    @Benchmark
    public MixCustomer jdbc(Blackhole bh) throws SQLException { return jdbc(bh, false); }

    /** The JDBC peer sending Athanor's own INSERT (one row bound as two one-element arrays): the ORM's overhead alone. */
    @Benchmark
    public MixCustomer jdbcUnnestInsert(Blackhole bh) throws SQLException { return jdbc(bh, true); }

    private MixCustomer jdbc(Blackhole bh, boolean unnest) throws SQLException {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        MixCustomer fresh = new MixCustomer("new name " + r.nextInt(), "new description");
        try (Connection c = jdbc.getConnection()) {
            try {
                MixCustomer one;
                try (PreparedStatement ps = c.prepareStatement(GET)) {
                    ps.setLong(1, randomId(r));
                    try (ResultSet rs = ps.executeQuery()) {
                        if (!rs.next()) throw new IllegalStateException("no such customer");
                        one = new MixCustomer(rs.getLong(1), rs.getString(2), rs.getString(3));
                    }
                }
                try (PreparedStatement ps = c.prepareStatement(PAGE_SQL)) {
                    ps.setLong(1, randomFrom(r));
                    ps.setInt(2, PAGE);
                    List<MixCustomer> page = new ArrayList<>(PAGE);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) page.add(new MixCustomer(rs.getLong(1), rs.getString(2), rs.getString(3)));
                    }
                    bh.consume(page);
                }
                one.setName("changed " + r.nextInt());
                try (PreparedStatement ps = c.prepareStatement(UPDATE)) {
                    ps.setString(1, one.getName());
                    ps.setLong(2, one.getId());
                    if (ps.executeUpdate() != 1) throw new IllegalStateException("the update matched no row");
                }
                try (PreparedStatement ps = c.prepareStatement(unnest ? INSERT_UNNEST : INSERT)) {
                    if (unnest) {
                        ps.setArray(1, c.createArrayOf("varchar", new String[] {fresh.getName()}));
                        ps.setArray(2, c.createArrayOf("varchar", new String[] {fresh.getDescription()}));
                    } else {
                        ps.setString(1, fresh.getName());
                        ps.setString(2, fresh.getDescription());
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        fresh.assignId(rs.getLong(1));
                    }
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
        return checked(fresh);
    }

    @Benchmark
    public MixCustomer hibernate(Blackhole bh) {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        MixCustomer fresh = new MixCustomer("new name " + r.nextInt(), "new description");
        try (org.hibernate.Session s = hibernate.openSession()) {
            var tx = s.beginTransaction();
            MixCustomer one = s.find(MixCustomer.class, randomId(r));
            bh.consume(s.createSelectionQuery("from MixCustomer where id >= :from order by id", MixCustomer.class)
                    .setParameter("from", randomFrom(r)).setMaxResults(PAGE).getResultList());
            one.setName("changed " + r.nextInt());
            s.persist(fresh);
            tx.commit();
        }
        return checked(fresh);
    }
}
