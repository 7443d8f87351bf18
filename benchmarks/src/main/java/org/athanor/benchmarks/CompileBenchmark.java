package org.athanor.benchmarks;

import static org.athanor.benchmarks.JoinTables.Articles.ARTICLES;
import static org.athanor.benchmarks.JoinTables.Authors.AUTHORS;
import static org.athanor.benchmarks.JoinTables.Remarks.REMARKS;
import static org.athanor.core.sql.Sql.select;

import io.vavr.Tuple3;
import java.util.concurrent.TimeUnit;
import org.athanor.core.compile.CompiledStatement;
import org.athanor.core.engine.Engine;
import org.athanor.core.sql.Select;
import org.athanor.sqlite.SqliteDialect;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
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
 * Issue 2, benchmark 1: a SELECT over three joined tables with four predicates, compiled for SQLite
 * cold (key walk + render, no cache), through the Engine's warm statement cache, and built and
 * rendered by jOOQ 3.19 (SQL text and bind values) for comparison.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CompileBenchmark {
    private Engine engine;
    private Select<Tuple3<String, String, String>> prebuilt;
    private final DSLContext jooq = DSL.using(SQLDialect.SQLITE);
    private int counter;

    @Setup(Level.Trial)
    public void setUp() {
        engine = Engine.create("sqlite://");
        prebuilt = athanor(30, "A%", 1000L, 5L);
        engine.compile(prebuilt); // warms the cache with this shape
    }

    @TearDown(Level.Trial)
    public void tearDown() { engine.close(); }

    static Select<Tuple3<String, String, String>> athanor(int age, String name, long articleId, long remarkId) {
        return select(AUTHORS.NAME, ARTICLES.TITLE, REMARKS.BODY)
                .from(AUTHORS)
                .join(ARTICLES, ARTICLES.AUTHOR_ID.eq(AUTHORS.ID))
                .join(REMARKS, REMARKS.ARTICLE_ID.eq(ARTICLES.ID))
                .where(AUTHORS.AGE.gt(age), AUTHORS.NAME.like(name), ARTICLES.ID.lt(articleId), REMARKS.ID.ge(remarkId));
    }

    // jOOQ without generated code: names and types declared once, as a user of plain DSL would.
    private static final org.jooq.Table<?> J_AUTHORS = DSL.table(DSL.name("authors"));
    private static final org.jooq.Table<?> J_ARTICLES = DSL.table(DSL.name("articles"));
    private static final org.jooq.Table<?> J_REMARKS = DSL.table(DSL.name("remarks"));
    private static final Field<Long> JA_ID = DSL.field(DSL.name("authors", "id"), Long.class);
    private static final Field<String> JA_NAME = DSL.field(DSL.name("authors", "name"), String.class);
    private static final Field<Integer> JA_AGE = DSL.field(DSL.name("authors", "age"), Integer.class);
    private static final Field<Long> JP_ID = DSL.field(DSL.name("articles", "id"), Long.class);
    private static final Field<Long> JP_AUTHOR_ID = DSL.field(DSL.name("articles", "author_id"), Long.class);
    private static final Field<String> JP_TITLE = DSL.field(DSL.name("articles", "title"), String.class);
    private static final Field<Long> JR_ID = DSL.field(DSL.name("remarks", "id"), Long.class);
    private static final Field<Long> JR_ARTICLE_ID = DSL.field(DSL.name("remarks", "article_id"), Long.class);
    private static final Field<String> JR_BODY = DSL.field(DSL.name("remarks", "body"), String.class);

    org.jooq.Select<?> jooq(int age, String name, long articleId, long remarkId) {
        return jooq.select(JA_NAME, JP_TITLE, JR_BODY)
                .from(J_AUTHORS)
                .join(J_ARTICLES).on(JP_AUTHOR_ID.eq(JA_ID))
                .join(J_REMARKS).on(JR_ARTICLE_ID.eq(JP_ID))
                .where(JA_AGE.gt(age), JA_NAME.like(name), JP_ID.lt(articleId), JR_ID.ge(remarkId));
    }

    /** Cold: key walk and full render of a prebuilt statement, no cache. */
    @Benchmark
    public CompiledStatement athanorCold() { return SqliteDialect.INSTANCE.compile(prebuilt); }

    /** Build the statement with fresh values, then compile it cold. */
    @Benchmark
    public CompiledStatement athanorBuildCold() {
        int i = ++counter;
        return SqliteDialect.INSTANCE.compile(athanor(i & 63, "A%", i, i >> 1));
    }

    /** Cached lookup of a prebuilt statement: key walk, hash lookup, parameters collected. */
    @Benchmark
    public CompiledStatement athanorCachedPrebuilt() { return engine.compile(prebuilt); }

    /** Build with fresh values, then look the shape up in the warm cache. */
    @Benchmark
    public CompiledStatement athanorBuildCached() {
        int i = ++counter;
        return engine.compile(athanor(i & 63, "A%", i, i >> 1));
    }

    /** jOOQ: build with fresh values, render SQL and extract bind values (both are needed to execute). */
    @Benchmark
    public void jooqBuildRender(Blackhole bh) {
        int i = ++counter;
        org.jooq.Select<?> q = jooq(i & 63, "A%", i, i >> 1);
        bh.consume(q.getSQL());
        bh.consume(q.getBindValues());
    }

    /** jOOQ: build with fresh values and render the SQL text only. */
    @Benchmark
    public String jooqBuildRenderSqlOnly() {
        int i = ++counter;
        return jooq(i & 63, "A%", i, i >> 1).getSQL();
    }

    /** The SQL each side produces, for the docs. */
    public static void main(String[] args) {
        CompileBenchmark b = new CompileBenchmark();
        System.out.println(SqliteDialect.INSTANCE.compile(athanor(30, "A%", 1000L, 5L)));
        org.jooq.Select<?> q = b.jooq(30, "A%", 1000L, 5L);
        System.out.println(q.getSQL() + " " + q.getBindValues());
    }
}
