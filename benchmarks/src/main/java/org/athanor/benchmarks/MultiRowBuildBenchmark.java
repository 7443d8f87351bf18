package org.athanor.benchmarks;

import static org.athanor.core.sql.Sql.insert;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.athanor.core.compile.CompiledStatement;
import org.athanor.core.engine.Engine;
import org.athanor.core.schema.Column;
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
 * The client-side part of {@code insertMany}: building one 1000-row multi-row INSERT from
 * column → value maps and compiling it through a warm statement cache, without a database
 * round trip. It isolates what Core adds to the bulk-insert workload.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class MultiRowBuildBenchmark {
    private final Customer customer = new Customer("customer");
    private Engine engine;
    private List<Map<Column<?>, Object>> rows;

    @Setup(Level.Trial)
    public void setUp() {
        engine = Engine.create("sqlite://");
        rows = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            Map<Column<?>, Object> row = new LinkedHashMap<>();
            row.put(customer.NAME, "customer name " + i);
            row.put(customer.DESCRIPTION, "customer description " + i);
            rows.add(row);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() { engine.close(); }

    @Benchmark
    public CompiledStatement buildAndCompile1000Rows() { return engine.compile(insert(customer).values(rows)); }
}
