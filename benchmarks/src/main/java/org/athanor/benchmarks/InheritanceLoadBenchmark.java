package org.athanor.benchmarks;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.athanor.benchmarks.inherit.BenchCar;
import org.athanor.benchmarks.inherit.BenchCat;
import org.athanor.benchmarks.inherit.BenchDog;
import org.athanor.benchmarks.inherit.BenchPet;
import org.athanor.benchmarks.inherit.BenchTruck;
import org.athanor.benchmarks.inherit.BenchVehicle;
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

/**
 * Issue 16: loading 10,000 rows of an inheritance hierarchy with two subclasses (half of each) in a fresh
 * session, on PostgreSQL — single table (one SELECT, the discriminator picks the class) and joined (the
 * base table LEFT OUTER JOIN both subclass tables) — through Athanor's {@code query(Base.class).all()},
 * Hibernate 7's {@code from Base}, and a JDBC loop that reads the discriminator and builds the right class.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class InheritanceLoadBenchmark {
    static final int ROWS = 10_000;

    private BenchDb db;
    private SessionFactory athanor;
    private org.hibernate.SessionFactory hibernate;

    @Setup(Level.Trial)
    public void setUp() {
        db = new BenchDb("postgres", 0);
        for (String t : List.of("bench_inh_car", "bench_inh_truck", "bench_inh_vehicle", "bench_inh_pet"))
            db.sql("DROP TABLE IF EXISTS " + t);
        Registry registry = Registry.of(BenchPet.class, BenchCat.class, BenchDog.class, BenchVehicle.class, BenchCar.class, BenchTruck.class);
        registry.metadata().createAll(db.engine);
        athanor = SessionFactory.of(db.engine, registry);
        fill();
        Properties p = new Properties();
        p.put("hibernate.connection.url", BenchDb.PG_URL);
        p.put("hibernate.connection.username", BenchDb.PG_USER);
        p.put("hibernate.connection.pool_size", "2");
        p.put("hibernate.hbm2ddl.auto", "none");
        p.put("hibernate.jpa.static_metamodel.population", "disabled");
        Configuration cfg = new Configuration().addProperties(p);
        for (Class<?> c : List.of(BenchPet.class, BenchCat.class, BenchDog.class, BenchVehicle.class, BenchCar.class, BenchTruck.class))
            cfg.addAnnotatedClass(c);
        hibernate = cfg.buildSessionFactory();
    }

    private void fill() {
        try (java.sql.Connection c = db.jdbc.getConnection()) {
            try (PreparedStatement pet = c.prepareStatement("INSERT INTO bench_inh_pet (id, name, kind, indoor, breed) VALUES (?, ?, ?, ?, ?)");
                 PreparedStatement v = c.prepareStatement("INSERT INTO bench_inh_vehicle (id, name, dtype) VALUES (?, ?, ?)");
                 PreparedStatement car = c.prepareStatement("INSERT INTO bench_inh_car (id, seats) VALUES (?, ?)");
                 PreparedStatement truck = c.prepareStatement("INSERT INTO bench_inh_truck (id, payload) VALUES (?, ?)")) {
                for (int i = 1; i <= ROWS; i++) {
                    boolean even = i % 2 == 0;
                    pet.setLong(1, i);
                    pet.setString(2, "pet " + i);
                    pet.setString(3, even ? "cat" : "dog");
                    if (even) pet.setBoolean(4, i % 4 == 0); else pet.setNull(4, java.sql.Types.BOOLEAN);
                    if (even) pet.setNull(5, java.sql.Types.VARCHAR); else pet.setString(5, "breed " + i);
                    pet.addBatch();
                    v.setLong(1, i);
                    v.setString(2, "vehicle " + i);
                    v.setString(3, even ? "BenchCar" : "BenchTruck");
                    v.addBatch();
                    if (even) {
                        car.setLong(1, i);
                        car.setInt(2, 2 + i % 5);
                        car.addBatch();
                    } else {
                        truck.setLong(1, i);
                        truck.setDouble(2, i / 10.0);
                        truck.addBatch();
                    }
                }
                pet.executeBatch();
                v.executeBatch();
                car.executeBatch();
                truck.executeBatch();
            }
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        db.freshConnections();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        hibernate.close();
        db.close();
    }

    @Benchmark
    public List<BenchPet> singleAthanor() {
        try (Session s = athanor.openSession()) {
            return s.query(BenchPet.class).all();
        }
    }

    @Benchmark
    public List<BenchPet> singleHibernate() {
        try (org.hibernate.Session s = hibernate.openSession()) {
            s.beginTransaction();
            List<BenchPet> out = s.createSelectionQuery("from BenchPet", BenchPet.class).getResultList();
            s.getTransaction().commit();
            return out;
        }
    }

    @Benchmark
    public List<BenchPet> singleJdbc() throws SQLException {
        try (java.sql.Connection c = db.jdbc.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT id, name, kind, indoor, breed FROM bench_inh_pet");
             ResultSet rs = ps.executeQuery()) {
            List<BenchPet> out = new ArrayList<>();
            while (rs.next()) {
                String kind = rs.getString(3);
                BenchPet p;
                if (kind.equals("cat")) {
                    BenchCat cat = new BenchCat();
                    boolean indoor = rs.getBoolean(4);
                    cat.indoor = rs.wasNull() ? null : indoor;
                    p = cat;
                } else if (kind.equals("dog")) {
                    BenchDog dog = new BenchDog();
                    dog.breed = rs.getString(5);
                    p = dog;
                } else {
                    throw new IllegalStateException("unknown kind " + kind);
                }
                p.id = rs.getLong(1);
                p.name = rs.getString(2);
                out.add(p);
            }
            c.rollback();
            return out;
        }
    }

    @Benchmark
    public List<BenchVehicle> joinedAthanor() {
        try (Session s = athanor.openSession()) {
            return s.query(BenchVehicle.class).all();
        }
    }

    @Benchmark
    public List<BenchVehicle> joinedHibernate() {
        try (org.hibernate.Session s = hibernate.openSession()) {
            s.beginTransaction();
            List<BenchVehicle> out = s.createSelectionQuery("from BenchVehicle", BenchVehicle.class).getResultList();
            s.getTransaction().commit();
            return out;
        }
    }

    @Benchmark
    public List<BenchVehicle> joinedJdbc() throws SQLException {
        try (java.sql.Connection c = db.jdbc.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT v.id, v.name, v.dtype, c.seats, t.payload FROM bench_inh_vehicle v "
                     + "LEFT OUTER JOIN bench_inh_car c ON c.id = v.id LEFT OUTER JOIN bench_inh_truck t ON t.id = v.id");
             ResultSet rs = ps.executeQuery()) {
            List<BenchVehicle> out = new ArrayList<>();
            while (rs.next()) {
                String type = rs.getString(3);
                BenchVehicle v;
                if (type.equals("BenchCar")) {
                    BenchCar car = new BenchCar();
                    int seats = rs.getInt(4);
                    car.seats = rs.wasNull() ? null : seats;
                    v = car;
                } else if (type.equals("BenchTruck")) {
                    BenchTruck truck = new BenchTruck();
                    double payload = rs.getDouble(5);
                    truck.payload = rs.wasNull() ? null : payload;
                    v = truck;
                } else {
                    throw new IllegalStateException("unknown dtype " + type);
                }
                v.id = rs.getLong(1);
                v.name = rs.getString(2);
                out.add(v);
            }
            c.rollback();
            return out;
        }
    }

    /** The joined hierarchy with selectinPolymorphic: the base rows alone, then one SELECT ... IN per subclass (500 keys each). */
    @Benchmark
    public List<BenchVehicle> joinedAthanorSelectin() {
        try (Session s = athanor.openSession()) {
            return s.query(BenchVehicle.class).options(org.athanor.orm.Loaders.selectinPolymorphic(BenchCar.class, BenchTruck.class)).all();
        }
    }
}
