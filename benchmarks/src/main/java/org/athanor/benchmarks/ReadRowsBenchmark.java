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
import org.jooq.DSLContext;
import org.jooq.Record3;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
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
 * Issue 2, benchmark 2: reading 10,000 rows of (id, name, description) from a SQLite file through
 * Core ({@code execute(select(...)).all()} into Vavr tuples), through a hand-written JDBC loop that
 * reads by index into a record, and through jOOQ's {@code fetch()} into Records. Each side keeps
 * one open connection for the whole run, so only statement execution and reading are measured.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ReadRowsBenchmark {
    static final int ROWS = 10_000;

    /** sqlite (the figure), postgres or mariadb (see {@link BenchDb}). */
    @Param({"sqlite"})
    public String db;

    private BenchDb bench;
    private Connection core;
    private java.sql.Connection raw;
    private java.sql.Connection jooqConnection;
    private DSLContext jooq;
    private String sql;

    @Setup(Level.Trial)
    public void setUp() throws SQLException {
        bench = new BenchDb(db, 0);
        bench.fill(ROWS);
        core = bench.engine.connect();
        raw = bench.jdbc.getConnection();
        jooqConnection = bench.jdbc.getConnection();
        jooq = DSL.using(jooqConnection, switch (db) {
            case "postgres" -> SQLDialect.POSTGRES;
            case "mariadb" -> SQLDialect.MARIADB;
            default -> SQLDialect.SQLITE;
        });
        sql = "SELECT id, name, description FROM " + bench.customer.name();
    }

    @TearDown(Level.Trial)
    public void tearDown() throws SQLException {
        core.close();
        raw.close();
        jooqConnection.close();
        bench.close();
    }

    @Benchmark
    public List<Tuple3<Long, String, String>> athanorCore() {
        Customer c = bench.customer;
        return core.execute(select(c.ID, c.NAME, c.DESCRIPTION).from(c)).all();
    }

    @Benchmark
    public List<Customer.Row> rawJdbc() throws SQLException {
        try (PreparedStatement ps = raw.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            List<Customer.Row> out = new ArrayList<>();
            while (rs.next()) out.add(new Customer.Row(rs.getLong(1), rs.getString(2), rs.getString(3)));
            return out;
        }
    }

    @Benchmark
    public org.jooq.Result<Record3<Long, String, String>> jooqFetch() {
        return jooq.select(JooqCustomer.ID, JooqCustomer.NAME, JooqCustomer.DESCRIPTION)
                .from(DSL.table(DSL.name(bench.customer.name()))).fetch();
    }

    /** jOOQ field declarations without generated code. */
    static final class JooqCustomer {
        static final org.jooq.Field<Long> ID = DSL.field(DSL.name("id"), Long.class);
        static final org.jooq.Field<String> NAME = DSL.field(DSL.name("name"), String.class);
        static final org.jooq.Field<String> DESCRIPTION = DSL.field(DSL.name("description"), String.class);
    }
}
