package org.athanor.benchmarks;

import static org.athanor.core.sql.Sql.bindParam;
import static org.athanor.core.sql.Sql.insert;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.athanor.core.engine.Connection;
import org.athanor.core.schema.Column;
import org.athanor.core.sql.Insert;
import org.athanor.core.type.SqlTypes;
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
 * Issue 4, SQLAlchemy performance suite "bulk_inserts": 100,000 rows in one transaction.
 * Core's executemany ({@code executeMany} with named bind parameters, one JDBC batch) beside a
 * hand-written JDBC batch, and Core's {@code insertMany} (multi-row VALUES) beside hand-written
 * multi-row INSERTs of the same size. The input rows are built once, outside the measurement,
 * in the shape each API takes (maps for Core, arrays for JDBC). The table is emptied before
 * every iteration.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class BulkInsertBenchmark {
    static final int ROWS = 100_000;
    /** Rows per JDBC batch of {@link #jdbcBatch}, as Core's executeMany sends them. */
    static final int CHUNK = 1000;

    /**
     * Rows per hand-written multi-row INSERT: as many as Core's insertMany puts in one statement on
     * this database (its 1,000-row cap, or fewer where the dialect asks for fewer values per statement:
     * 250 two-column rows on SQLite), so that both sides send the same statements. sqlite-jdbc follows
     * every INSERT with a {@code SELECT last_insert_rowid()} of its own (neither side asks for keys), so
     * a peer sending 1,000-row statements ran a quarter of those.
     */
    private int rowsPerStatement;

    @Param({"sqlite", "postgres"})
    public String db;

    private BenchDb bench;
    private String[] names;
    private String[] descriptions;
    private List<Map<String, Object>> namedSets;
    private List<Map<Column<?>, Object>> columnRows;

    @Setup(Level.Trial)
    public void setUp() {
        bench = new BenchDb(db, 0);
        var features = bench.engine.dialect().features();
        int columns = 2, perStatement = features.insertParamsPerStatement();
        rowsPerStatement = Math.min(features.maxBindParams() / columns,
                perStatement == 0 ? 1000 : Math.min(1000, Math.max(1, perStatement / columns)));
        if (ROWS % rowsPerStatement != 0) throw new IllegalStateException(ROWS + " rows do not split into statements of " + rowsPerStatement);
        names = new String[ROWS];
        descriptions = new String[ROWS];
        namedSets = new ArrayList<>(ROWS);
        columnRows = new ArrayList<>(ROWS);
        Customer c = bench.customer;
        for (int i = 0; i < ROWS; i++) {
            names[i] = "customer name " + i;
            descriptions[i] = "customer description " + i;
            namedSets.add(Map.of("name", names[i], "description", descriptions[i]));
            Map<Column<?>, Object> row = new HashMap<>();
            row.put(c.NAME, names[i]);
            row.put(c.DESCRIPTION, descriptions[i]);
            columnRows.add(row);
        }
    }

    @Setup(Level.Iteration)
    public void empty() { bench.clear(); }

    @TearDown(Level.Trial)
    public void tearDown() { bench.close(); }

    @Benchmark
    public long athanorExecuteMany() {
        Customer c = bench.customer;
        Insert template = insert(c).set(c.NAME, bindParam("name", SqlTypes.varchar(255)))
                .set(c.DESCRIPTION, bindParam("description", SqlTypes.varchar(255)));
        try (Connection conn = bench.engine.connect()) {
            long n = conn.executeMany(template, namedSets);
            conn.commit();
            return n;
        }
    }

    @Benchmark
    public long jdbcBatch() throws SQLException {
        String sql = "INSERT INTO " + bench.customer.name() + " (name, description) VALUES (?, ?)";
        try (java.sql.Connection conn = bench.jdbc.getConnection(); PreparedStatement ps = conn.prepareStatement(sql)) {
            long n = 0;
            for (int i = 0; i < ROWS; i++) {
                ps.setString(1, names[i]);
                ps.setString(2, descriptions[i]);
                ps.addBatch();
                if ((i + 1) % CHUNK == 0) n += ps.executeBatch().length;
            }
            n += ps.executeBatch().length;
            conn.commit();
            return n;
        }
    }

    @Benchmark
    public long athanorInsertMany() {
        try (Connection conn = bench.engine.connect()) {
            long n = conn.insertMany(insert(bench.customer), columnRows);
            conn.commit();
            return n;
        }
    }

    /**
     * {@link #jdbcMultiRow} reading its values from the same row maps {@link #athanorInsertMany} is
     * given (a lookup per value): the peer with the same input.
     */
    @Benchmark
    public long jdbcMultiRowFromMaps() throws SQLException {
        Customer c = bench.customer;
        return jdbcMultiRow((ps, i, slot) -> {
            Map<Column<?>, Object> row = columnRows.get(i);
            ps.setString(slot, (String) row.get(c.NAME));
            ps.setString(slot + 1, (String) row.get(c.DESCRIPTION));
        });
    }

    @Benchmark
    public long jdbcMultiRow() throws SQLException {
        return jdbcMultiRow((ps, i, slot) -> {
            ps.setString(slot, names[i]);
            ps.setString(slot + 1, descriptions[i]);
        });
    }

    /** Binds row {@code i}'s two values at {@code slot} and {@code slot + 1}. */
    private interface RowBinder {
        void bind(PreparedStatement ps, int i, int slot) throws SQLException;
    }

    private long jdbcMultiRow(RowBinder binder) throws SQLException {
        StringBuilder sb = new StringBuilder("INSERT INTO ").append(bench.customer.name()).append(" (name, description) VALUES ");
        int chunk = rowsPerStatement;
        for (int i = 0; i < chunk; i++) sb.append(i == 0 ? "(?, ?)" : ", (?, ?)");
        String sql = sb.toString();
        try (java.sql.Connection conn = bench.jdbc.getConnection(); PreparedStatement ps = conn.prepareStatement(sql)) {
            long n = 0;
            // ROWS is a multiple of chunk, so one statement shape serves every chunk
            for (int from = 0; from < ROWS; from += chunk) {
                for (int i = 0; i < chunk; i++) binder.bind(ps, from + i, 2 * i + 1);
                n += ps.executeUpdate();
            }
            conn.commit();
            return n;
        }
    }
}
