package org.athanor.benchmarks;

import static org.athanor.benchmarks.JoinTables.Articles.ARTICLES;
import static org.athanor.benchmarks.JoinTables.Authors.AUTHORS;
import static org.athanor.benchmarks.JoinTables.Remarks.REMARKS;
import static org.athanor.core.sql.Sql.select;

import java.util.concurrent.TimeUnit;
import org.athanor.core.engine.Engine;
import org.athanor.core.schema.Table;
import org.athanor.core.sql.Select;
import org.athanor.sqlite.SqliteDialect;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Session 11: a statement over an alias built anew each time (as the ORM's aliased joins are), compiled
 * through the Engine's statement cache. {@code freshAliasCached} builds it with a fresh
 * {@code AUTHORS.as("a")} and looks it up (a hit since aliases key by value); {@code freshAliasCold}
 * compiles the same build without the cache, the work every call did while aliases keyed by identity
 * (each build missed, compiled, and took a cache slot); {@code prebuiltCached} looks up one prebuilt
 * statement, the floor. Each operation is {@link #REPS} statements. No database is touched.
 * <pre>java -cp benchmarks.jar org.athanor.benchmarks.Interleaved AliasCacheBenchmark - 20 60 freshAliasCold freshAliasCached prebuiltCached</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class AliasCacheBenchmark {
    static final int REPS = 10_000;

    private Engine engine;
    private Select<?> prebuilt;
    private int counter;

    @Setup(Level.Trial)
    public void setUp() {
        engine = Engine.create("sqlite://");
        prebuilt = build(AUTHORS.as("a"), 30);
        engine.compile(prebuilt);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        System.out.println("  statement cache: " + engine.cacheStats());
        engine.close();
    }

    /** Articles with their author (through the alias {@code a}) and remarks, four predicates. */
    static Select<?> build(Table a, int i) {
        return select(a.corresponding(AUTHORS.NAME), ARTICLES.TITLE, REMARKS.BODY)
                .from(a)
                .join(ARTICLES, ARTICLES.AUTHOR_ID.eq(a.corresponding(AUTHORS.ID)))
                .join(REMARKS, REMARKS.ARTICLE_ID.eq(ARTICLES.ID))
                .where(a.corresponding(AUTHORS.AGE).gt(i & 63), a.corresponding(AUTHORS.NAME).like("A%"), ARTICLES.ID.lt((long) i),
                        REMARKS.ID.ge((long) (i >> 1)));
    }

    @Benchmark
    public void freshAliasCached(Blackhole bh) {
        for (int k = 0; k < REPS; k++) bh.consume(engine.compile(build(AUTHORS.as("a"), ++counter)));
    }

    @Benchmark
    public void freshAliasCold(Blackhole bh) {
        for (int k = 0; k < REPS; k++) bh.consume(SqliteDialect.INSTANCE.compile(build(AUTHORS.as("a"), ++counter)));
    }

    @Benchmark
    public void prebuiltCached(Blackhole bh) {
        for (int k = 0; k < REPS; k++) bh.consume(engine.compile(prebuilt));
    }
}
