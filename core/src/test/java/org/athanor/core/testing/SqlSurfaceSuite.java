package org.athanor.core.testing;

import static org.athanor.core.sql.FrameBound.*;
import static org.athanor.core.sql.Sql.*;
import static org.athanor.core.type.SqlTypes.*;
import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.vavr.Tuple1;
import io.vavr.Tuple2;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.athanor.core.compile.DialectFeatures;
import org.athanor.core.engine.Connection;
import org.athanor.core.engine.Engine;
import org.athanor.core.error.CompileError;
import org.athanor.core.schema.Column;
import org.athanor.core.schema.MetaData;
import org.athanor.core.schema.Table;
import org.athanor.core.sql.Condition;
import org.athanor.core.sql.Cte;
import org.athanor.core.sql.DatePart;
import org.athanor.core.sql.Expression;
import org.athanor.core.sql.Lateral;
import org.athanor.core.sql.Row;
import org.athanor.core.sql.Select;
import org.athanor.core.sql.Subquery;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The SQL surface of issue 4 (CASE, EXTRACT, set operations, CTEs, windows, FILTER, outer joins,
 * LATERAL, ANY/ALL, correlated DML, UPDATE ... FROM, DELETE ... USING, the portable upsert) run on
 * a real database. Each dialect module extends it with its engine; behaviours a database lacks are
 * switched by {@link DialectFeatures} and must then fail with a clear CompileError, never wrong rows.
 * Tables get unique names: other runs share the servers.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class SqlSurfaceSuite {
    /** people(id, name, age, email unique). */
    protected static final class People extends Table {
        public final Column<Integer> ID = column("id", INTEGER, primaryKey());
        public final Column<String> NAME = column("name", varchar(20), notNull());
        public final Column<Integer> AGE = column("age", INTEGER);
        public final Column<String> EMAIL = column("email", varchar(40), unique());
        People(String name) { super(name); }
        private People(People of, String alias) { super(of, alias); }
        @Override public People as(String alias) { return new People(this, alias); }
    }

    /** notes(id, person_id, title). */
    protected static final class Notes extends Table {
        public final Column<Integer> ID = column("id", INTEGER, primaryKey());
        public final Column<Integer> PERSON = column("person_id", INTEGER);
        public final Column<String> TITLE = column("title", varchar(40));
        public final Column<LocalDateTime> AT = column("at", TIMESTAMP);
        public final Column<LocalDate> DAY = column("day", DATE);
        Notes(String name) { super(name); }
    }

    /** sales(id, region, day, amount). */
    protected static final class Sales extends Table {
        public final Column<Integer> ID = column("id", INTEGER, primaryKey());
        public final Column<String> REGION = column("region", varchar(5));
        public final Column<Integer> DAY = column("day", INTEGER);
        public final Column<Integer> AMOUNT = column("amount", INTEGER);
        Sales(String name) { super(name); }
    }

    /** lits(id, ...): one column per kind of literal. */
    protected static final class Lits extends Table {
        public final Column<Integer> ID = column("id", INTEGER, primaryKey());
        public final Column<String> S = column("s", TEXT);
        public final Column<byte[]> B = column("b", BLOB);
        public final Column<LocalDate> D = column("d", DATE);
        public final Column<LocalDateTime> TS = column("ts", TIMESTAMP);
        public final Column<java.time.OffsetDateTime> TZ = column("tz", TIMESTAMPTZ);
        public final Column<java.math.BigDecimal> NUM = column("num", numeric(20, 6));
        public final Column<Boolean> FLAG = column("flag", BOOLEAN);
        public final Column<Long> BIG = column("big", BIGINT);
        Lits(String name) { super(name); }
    }

    /** emp(id, name, boss). */
    protected static final class Emp extends Table {
        public final Column<Integer> ID = column("id", INTEGER, primaryKey());
        public final Column<String> NAME = column("name", varchar(10));
        public final Column<Integer> BOSS = column("boss", INTEGER);
        Emp(String name) { super(name); }
    }

    /** lines(id, price numeric(10,2), qty): mixed numeric arithmetic. */
    protected static final class Lines extends Table {
        public final Column<Integer> ID = column("id", INTEGER, primaryKey());
        public final Column<java.math.BigDecimal> PRICE = column("price", numeric(10, 2));
        public final Column<Integer> QTY = column("qty", INTEGER);
        Lines(String name) { super(name); }
    }

    protected Engine engine;
    protected Lines LN;
    protected People P;
    protected Notes N;
    protected Sales S;
    protected Emp E;
    protected Lits L;
    private MetaData md;
    protected Connection c;

    /** The database under test. */
    protected abstract Engine createEngine();

    protected DialectFeatures features() { return engine.dialect().features(); }

    @BeforeAll
    void createTables() {
        engine = createEngine();
        P = new People(TestDatabases.uniqueName("sx_people"));
        N = new Notes(TestDatabases.uniqueName("sx_notes"));
        S = new Sales(TestDatabases.uniqueName("sx_sales"));
        E = new Emp(TestDatabases.uniqueName("sx_emp"));
        L = new Lits(TestDatabases.uniqueName("sx_lits"));
        LN = new Lines(TestDatabases.uniqueName("sx_lines"));
        md = MetaData.of(P, N, S, E, L, LN);
        md.createAll(engine);
    }

    @AfterAll
    void dropTables() {
        if (engine == null) return;
        try {
            md.dropAll(engine);
        } finally {
            engine.close();
        }
    }

    @BeforeEach
    void seed() {
        c = engine.connect();
        for (Table t : List.of(P, N, S, E, L)) c.execute(deleteFrom(t));
        c.execute(insert(P).columns(P.ID, P.NAME, P.AGE, P.EMAIL)
                .values(1, "Ann", 12, "ann@x").values(2, "Bob", 30, "bob@x").values(3, "Cy", 70, "cy@x").values(4, "Di", null, "di@x"));
        c.execute(insert(N).columns(N.ID, N.PERSON, N.TITLE, N.AT, N.DAY)
                .values(1, 2, "b1", LocalDateTime.of(2024, 2, 29, 13, 45, 59), LocalDate.of(2024, 12, 31))
                .values(2, 2, "b2", null, null).values(3, 3, "c1", null, null));
        c.execute(insert(S).columns(S.ID, S.REGION, S.DAY, S.AMOUNT)
                .values(1, "n", 1, 10).values(2, "n", 2, 20).values(3, "n", 3, 20).values(4, "n", 4, 40)
                .values(5, "s", 1, 5).values(6, "s", 2, 7));
        c.execute(insert(E).columns(E.ID, E.NAME, E.BOSS)
                .values(1, "root", null).values(2, "a", 1).values(3, "b", 1).values(4, "a1", 2).values(5, "a1x", 4));
        c.commit();
    }

    @AfterEach
    void close() {
        if (c != null) c.close();
    }

    protected List<Row> rows(Select<?> q) {
        return c.execute(q.withColumns(q.columns().toArray(new Expression<?>[0]))).all();
    }

    private static List<Object> list(Object... v) { return Arrays.asList(v); }

    // ---- expressions -------------------------------------------------------------------------------

    @Test
    void caseSearchedAndSimple() {
        var grp = caseWhen(P.AGE.lt(18), "minor").when(P.AGE.lt(65), "adult").otherwise("senior");
        assertEquals(List.of(new Tuple2<>("Ann", "minor"), new Tuple2<>("Bob", "adult"), new Tuple2<>("Cy", "senior"),
                new Tuple2<>("Di", "senior")), c.execute(select(P.NAME, grp).orderBy(P.NAME)).all());
        var simple = caseOf(P.AGE).when(30, "thirty").when(70, P.NAME);
        assertEquals(list(null, "thirty", "Cy", null),
                c.execute(select(simple).orderBy(P.NAME)).all().stream().map(t -> t._1).toList());
        assertEquals(2L, c.execute(select(sum(caseWhen(P.AGE.ge(18), 1L).otherwise(0L)))).one()._1.longValue());
    }

    @Test
    void castExtractAndStringFunctions() {
        Row r = rows(select(extract(DatePart.YEAR, N.AT), extract(DatePart.MONTH, N.AT), extract(DatePart.DAY, N.AT),
                extract(DatePart.HOUR, N.AT), extract(DatePart.MINUTE, N.AT), extract(DatePart.SECOND, N.AT),
                extract(DatePart.DAY_OF_WEEK, N.AT), extract(DatePart.DAY_OF_YEAR, N.DAY), extract(DatePart.QUARTER, N.DAY))
                .where(N.ID.eq(1))).get(0);
        assertEquals(list(2024, 2, 29, 13, 45, 59, 4, 366, 4), r.toList());
        assertEquals(list((Object) null), rows(select(extract(DatePart.YEAR, N.AT)).where(N.ID.eq(2))).get(0).toList());
        Row s = rows(select(cast(P.AGE, TEXT), cast(param("42"), BIGINT), substring(P.EMAIL, 1, 2), substring(P.EMAIL, 3),
                replace(P.EMAIL, "@", " at "), concat(P.NAME, "-", P.AGE), trim(param("  a  ")), coalesce(P.AGE, 0),
                nullif(P.AGE, param(12))).where(P.NAME.eq("Ann"))).get(0);
        assertEquals(list("12", 42L, "an", "n@x", "ann at x", "Ann-12", "a", 12, null), s.toList());
    }

    @Test
    void textFragmentsWithNamedParameters() {
        // the column is spelled by hand on purpose: text() is for what Core cannot express
        String qualified = engine.dialect().quoteIdentifier(P.name()) + "." + engine.dialect().quoteIdentifier("age");
        var q = select(P.NAME).where(text(qualified + " BETWEEN :lo AND :hi").bind("lo", 10).bind("hi", 40)).orderBy(P.NAME);
        assertEquals(List.of(new Tuple1<>("Ann"), new Tuple1<>("Bob")), c.execute(q).all());
        String table = engine.dialect().quoteIdentifier(P.name());
        List<Row> rows = c.execute(text("SELECT name, age FROM " + table + " WHERE age > :a OR name = :n ORDER BY name")
                .bind("a", 60).bind("n", "Ann")).all();
        assertEquals(List.of("Ann", "Cy"), rows.stream().map(x -> x.get("name")).toList());
        c.executeStatement(text("UPDATE " + table + " SET age = :age WHERE name = :name").bind("age", 31).bind("name", "Bob"));
        assertEquals(31, c.execute(select(P.AGE).where(P.NAME.eq("Bob"))).one()._1);
    }

    // ---- set operations ---------------------------------------------------------------------------------

    @Test
    void setOperations() {
        var ages = select(P.AGE).where(P.AGE.isNotNull());
        var mid = select(P.AGE).where(P.AGE.between(20, 80));
        assertEquals(5, c.execute(ages.unionAll(mid)).all().size());
        assertEquals(3, c.execute(ages.union(mid)).all().size());
        assertEquals(3L, c.execute(select(count()).from(ages.union(mid).subquery("u"))).one()._1);
        assertEquals(List.of("Bob", "Cy"), c.execute(select(P.NAME).where(P.AGE.in(mid.union(select(P.AGE).where(P.AGE.gt(100)))))
                .orderBy(P.NAME)).all().stream().map(t -> t._1).toList());
        assertEquals(List.of(30, 70), c.execute(ages.intersect(mid).orderBy(P.AGE)).all().stream().map(t -> t._1).toList());
        assertEquals(List.of(12), c.execute(ages.except(mid).orderBy(P.AGE)).all().stream().map(t -> t._1).toList());
        var youngest = select(P.NAME).where(P.AGE.isNotNull()).orderBy(P.AGE).limit(1);
        var oldest = select(P.NAME).where(P.AGE.isNotNull()).orderBy(P.AGE.desc()).limit(1);
        assertEquals(List.of("Cy", "Ann"), c.execute(youngest.unionAll(oldest).orderBy(P.NAME.desc())).all().stream().map(t -> t._1).toList());
        var page = select(P.NAME, P.AGE).where(P.AGE.lt(50)).union(select(P.NAME, P.AGE).where(P.AGE.gt(60)))
                .orderBy(P.AGE.desc()).limit(2).offset(1);
        assertEquals(List.of(new Tuple2<>("Bob", 30), new Tuple2<>("Ann", 12)), c.execute(page).all());
        // grouping: all EXCEPT (ages 30..70 EXCEPT Bob)
        var inner = mid.except(select(P.AGE).where(P.NAME.eq("Bob"))).orderBy(P.AGE);
        assertEquals(List.of(12, 30), c.execute(ages.except(inner).orderBy(P.AGE)).all().stream().map(t -> t._1).toList());
    }

    @Test
    void intersectAndExceptAll() {
        var twice = select(S.AMOUNT).where(S.REGION.eq("n"));      // 10, 20, 20, 40
        var once = select(S.AMOUNT).where(S.ID.in(2, 4));           // 20, 40
        if (!features().supportsIntersectExceptAll()) {
            CompileError e = assertThrows(CompileError.class, () -> c.execute(twice.exceptAll(once)).all());
            assertTrue(e.getMessage().startsWith("EXCEPT ALL is not supported by "), e.getMessage());
            return;
        }
        assertEquals(List.of(10, 20), c.execute(twice.exceptAll(once).orderBy(S.AMOUNT)).all().stream().map(t -> t._1).toList());
        assertEquals(List.of(20, 40), c.execute(twice.intersectAll(once).orderBy(S.AMOUNT)).all().stream().map(t -> t._1).toList());
    }

    // ---- CTEs --------------------------------------------------------------------------------------------

    @Test
    void ctesSeveralAndJoined() {
        Cte adults = select(P.ID, P.NAME).where(P.AGE.ge(18)).cte("adults");
        Cte counts = select(N.PERSON, count().as("n")).groupBy(N.PERSON).cte("counts");
        var q = with(adults, counts).query(select(adults.get(P.NAME), counts.column("n", Long.class)).from(adults)
                .join(counts, counts.get(N.PERSON).eq(adults.get(P.ID))).orderBy(adults.get(P.NAME)));
        assertEquals(List.of(new Tuple2<>("Bob", 2L), new Tuple2<>("Cy", 1L)), c.execute(q).all());
    }

    @Test
    void recursiveCtes() {
        Cte nums = Cte.recursive("nums", select(literal(1).as("n")),
                self -> select(self.column("n", Integer.class).plus(1)).where(self.column("n", Integer.class).lt(5)));
        assertEquals(15L, ((Number) c.execute(select(sum(nums.column("n", Integer.class))).with(nums)).one()._1).longValue());
        Cte tree = Cte.recursive("tree", select(E.ID, E.NAME, literal(0).as("depth")).where(E.ID.eq(2)),
                self -> select(E.ID, E.NAME, self.column("depth", Integer.class).plus(1)).from(E).join(self, E.BOSS.eq(self.get(E.ID))));
        assertEquals(List.of(new Tuple2<>("a", 0), new Tuple2<>("a1", 1), new Tuple2<>("a1x", 2)),
                c.execute(select(tree.get(E.NAME), tree.column("depth", Integer.class)).orderBy(tree.column("depth", Integer.class)).with(tree)).all());
    }

    @Test
    void ctesInDml() {
        Cte young = select(P.ID, P.NAME).where(P.AGE.lt(20)).cte("young");
        var ins = with(young).statement(insert(N).fromSelect(List.of(N.ID, N.PERSON, N.TITLE),
                select(young.get(P.ID).plus(100), young.get(P.ID), young.get(P.NAME))));
        assertEquals(1, c.execute(ins));
        assertEquals("Ann", c.execute(select(N.TITLE).where(N.ID.eq(101))).one()._1);
        Cte prolific = select(N.PERSON).groupBy(N.PERSON).having(count().ge(2L)).cte("prolific");
        var upd = with(prolific).statement(update(P).set(P.AGE, 99).where(P.ID.in(select(prolific.get(N.PERSON)))));
        var del = with(prolific).statement(deleteFrom(N).where(N.PERSON.in(select(prolific.get(N.PERSON)))));
        if (!features().supportsCteBeforeUpdateAndDelete()) {
            CompileError e = assertThrows(CompileError.class, () -> c.execute(upd));
            assertTrue(e.getMessage().startsWith("WITH before UPDATE or DELETE"), e.getMessage());
            return;
        }
        assertEquals(1, c.execute(upd));
        assertEquals(99, c.execute(select(P.AGE).where(P.NAME.eq("Bob"))).one()._1);
        assertEquals(2, c.execute(del));
    }

    // ---- windows -----------------------------------------------------------------------------------------

    @Test
    void windowFunctions() {
        var byAmount = window().orderBy(S.AMOUNT.desc());
        List<Row> ranks = rows(select(S.ID, rank().over(byAmount), denseRank().over(byAmount), rowNumber().over(window().orderBy(S.ID)))
                .where(S.REGION.eq("n")).orderBy(S.ID));
        assertEquals(List.of(list(1, 4L, 3L, 1L), list(2, 2L, 2L, 2L), list(3, 2L, 2L, 3L), list(4, 1L, 1L, 4L)),
                ranks.stream().map(Row::toList).toList());
        var w = window().partitionBy(S.REGION).orderBy(S.DAY);
        List<Row> nav = rows(select(S.ID, lag(S.AMOUNT).over(w), lead(S.AMOUNT, 1, -1).over(w), firstValue(S.AMOUNT).over(w),
                lastValue(S.AMOUNT).over(w.rows(unboundedPreceding(), unboundedFollowing()))).orderBy(S.ID));
        assertEquals(list(1, null, 20, 10, 40), nav.get(0).toList());
        assertEquals(list(4, 20, -1, 10, 40), nav.get(3).toList());
        assertEquals(list(5, null, 7, 5, 7), nav.get(4).toList());
        List<Row> frames = rows(select(S.ID, sum(S.AMOUNT).over(w.rows(preceding(1), currentRow())),
                sum(S.AMOUNT).over(window().partitionBy(S.REGION).orderBy(S.AMOUNT).range(unboundedPreceding(), currentRow())),
                avg(S.AMOUNT).over(window().partitionBy(S.REGION))).where(S.REGION.eq("n")).orderBy(S.ID));
        assertEquals(List.of(10, 30, 40, 60), frames.stream().map(r -> ((Number) r.get(1)).intValue()).toList());
        assertEquals(List.of(10, 50, 50, 90), frames.stream().map(r -> ((Number) r.get(2)).intValue()).toList());
        assertEquals(22.5, ((Number) frames.get(0).get(3)).doubleValue(), 1e-9);
    }

    @Test
    void aggregateFilter() {
        List<Row> r = rows(select(S.REGION, filter(count(), S.AMOUNT.ge(10)), filter(sum(S.AMOUNT), S.DAY.gt(1)), count())
                .groupBy(S.REGION).orderBy(S.REGION));
        assertEquals(List.of(list("n", 4L, 80, 4L), list("s", 0L, 7, 2L)),
                r.stream().map(x -> list(x.get(0), x.get(1), ((Number) x.get(2)).intValue(), x.get(3))).toList());
    }

    // ---- joins and subqueries ----------------------------------------------------------------------------

    @Test
    void outerJoins() {
        var right = select(N.TITLE, P.NAME).from(N).rightJoin(P, N.PERSON.eq(P.ID)).orderBy(P.NAME, N.TITLE);
        assertEquals(list(new Tuple2<>(null, "Ann"), new Tuple2<>("b1", "Bob"), new Tuple2<>("b2", "Bob"),
                new Tuple2<>("c1", "Cy"), new Tuple2<>(null, "Di")), c.execute(right).all());
        var full = select(P.NAME, N.TITLE).from(P).fullJoin(N, N.PERSON.eq(P.ID).and(P.AGE.gt(50)));
        if (!features().supportsFullJoin()) {
            CompileError e = assertThrows(CompileError.class, () -> c.execute(full).all());
            assertTrue(e.getMessage().startsWith("FULL OUTER JOIN is not supported by "), e.getMessage());
            return;
        }
        List<Tuple2<String, String>> rows = c.execute(full).all();
        assertEquals(6, rows.size());
        assertTrue(rows.contains(new Tuple2<>("Cy", "c1")));
        assertTrue(rows.contains(new Tuple2<String, String>(null, "b1")));
        assertTrue(rows.contains(new Tuple2<String, String>("Bob", null)));
    }

    @Test
    void selfJoinDerivedTableAndCorrelation() {
        People a = P.as("a"), b = P.as("b");
        assertEquals(List.of(new Tuple2<>("Ann", "Bob")),
                c.execute(select(a.NAME, b.NAME).from(a).join(b, a.AGE.lt(b.AGE)).where(b.AGE.le(30))).all());
        Subquery counts = select(N.PERSON, count().as("n")).groupBy(N.PERSON).subquery("counts");
        assertEquals(List.of(new Tuple2<>("Bob", 2L), new Tuple2<>("Cy", 1L)), c.execute(select(P.NAME, counts.column("n", Long.class))
                .from(P).join(counts, counts.get(N.PERSON).eq(P.ID)).orderBy(P.NAME)).all());
        var noteCount = select(count()).from(N).where(N.PERSON.eq(P.ID)).<Long>scalarSubquery();
        assertEquals(List.of(new Tuple2<>("Bob", 2L), new Tuple2<>("Cy", 1L)), c.execute(select(P.NAME, noteCount.as("n"))
                .where(exists(select(N.ID).where(N.PERSON.eq(P.ID)))).orderBy(P.NAME)).all());
        People older = P.as("older");
        assertEquals(List.of(new Tuple1<>("Cy")), c.execute(select(P.NAME)
                .where(notExists(select(older.ID).where(older.AGE.gt(P.AGE))), P.AGE.isNotNull())).all());
    }

    @Test
    void lateral() {
        Lateral latest = select(N.TITLE).where(N.PERSON.eq(P.ID)).orderBy(N.ID.desc()).limit(1).lateral("latest");
        var q = select(P.NAME, latest.get(N.TITLE)).from(P).join(latest, literal(true)).orderBy(P.NAME);
        if (!features().supportsLateral()) {
            CompileError e = assertThrows(CompileError.class, () -> c.execute(q).all());
            assertTrue(e.getMessage().startsWith("LATERAL is not supported by "), e.getMessage());
            return;
        }
        assertEquals(List.of(new Tuple2<>("Bob", "b2"), new Tuple2<>("Cy", "c1")), c.execute(q).all());
    }

    @Test
    void anyAndAllWithNullSemantics() {
        var ages = select(P.AGE).where(P.NAME.in("Ann", "Bob"));
        People u = P.as("u");
        assertEquals(List.of("Bob", "Cy"), c.execute(select(u.NAME).from(u).where(u.AGE.gt(any(ages))).orderBy(u.NAME)).all()
                .stream().map(t -> t._1).toList());
        assertEquals(List.of(new Tuple1<>("Cy")), c.execute(select(u.NAME).from(u).where(u.AGE.gt(all(ages)))).all());
        People v = P.as("v");   // correlated: older than any person with a smaller id
        assertEquals(List.of("Bob", "Cy"), c.execute(select(u.NAME).from(u).where(u.AGE.gt(any(select(v.AGE).from(v).where(v.ID.lt(u.ID)))))
                .orderBy(u.NAME)).all().stream().map(t -> t._1).toList());
        var maxPerName = select(max(P.AGE)).groupBy(P.NAME).having(max(P.AGE).isNotNull());
        assertEquals(List.of(new Tuple1<>("Cy")), c.execute(select(u.NAME).from(u).where(u.AGE.ge(all(maxPerName)))).all());
        var withNull = select(P.AGE).where(P.NAME.in("Ann", "Di"));   // {12, NULL}
        var empty = select(P.AGE).where(P.NAME.eq("nobody"));
        assertEquals("N", truth(param(5).gt(any(withNull))));
        assertEquals("T", truth(param(20).gt(any(withNull))));
        assertEquals("N", truth(param(20).gt(all(withNull))));
        assertEquals("F", truth(param(5).gt(all(withNull))));
        assertEquals("F", truth(param(5).gt(any(empty))));
        assertEquals("T", truth(param(5).gt(all(empty))));
    }

    private String truth(Condition cond) {
        return c.execute(select(caseWhen(cond, "T").when(not(cond), "F").otherwise("N"))).one()._1;
    }

    // ---- schema inspection ------------------------------------------------------------------------------

    /** parents(id pk autoincrement, code varchar(10) unique, score numeric(8,2), made timestamp) and children → parents. */
    protected static final class Parents extends Table {
        public final Column<Long> ID = column("id", BIGINT, primaryKey(), autoincrement());
        public final Column<String> CODE = column("code", varchar(10), notNull(), unique());
        public final Column<java.math.BigDecimal> SCORE = column("score", numeric(8, 2), serverDefault("0"));
        public final Column<LocalDateTime> MADE = column("made", TIMESTAMP);
        public final Column<Boolean> OK = column("ok", BOOLEAN);
        Parents(String name) { super(name); }
    }

    protected static final class Children extends Table {
        public final Column<Integer> A = column("a", INTEGER);
        public final Column<Integer> B = column("b", INTEGER);
        public final Column<Long> PARENT;
        public final Column<String> NOTE = column("note", TEXT);
        Children(String name, Parents parents) {
            super(name);
            PARENT = column("parent_id", BIGINT, references(parents.ID).onDelete(org.athanor.core.schema.ReferentialAction.CASCADE));
            primaryKey(A, B);
            index("ix_" + name + "_note", PARENT, A);
        }
    }

    @Test
    void inspectionAndReflection() {
        Parents parents = new Parents(TestDatabases.uniqueName("sx_parents"));
        Children children = new Children(TestDatabases.uniqueName("sx_children"), parents);
        MetaData two = MetaData.of(parents, children);
        two.createAll(engine);
        try {
            var insp = engine.inspect();
            List<String> names = insp.tableNames();
            assertTrue(names.contains(parents.name()) && names.contains(children.name()) && names.contains(P.name()), names.toString());
            List<org.athanor.core.inspect.ColumnInfo> cols = insp.columns(parents.name());
            assertEquals(List.of("id", "code", "score", "made", "ok"), cols.stream().map(org.athanor.core.inspect.ColumnInfo::name).toList());
            assertTrue(cols.get(0).type().kind() == org.athanor.core.type.TypeKind.BIGINT || cols.get(0).type().kind() == org.athanor.core.type.TypeKind.INTEGER,
                    cols.get(0).toString());
            assertTrue(cols.get(0).autoincrement(), cols.get(0).toString());
            assertEquals(varchar(10), cols.get(1).type());
            assertFalse(cols.get(1).nullable());
            assertEquals(numeric(8, 2), cols.get(2).type());
            assertNotNull(cols.get(2).defaultValue());
            assertTrue(cols.get(2).nullable());
            assertEquals(TIMESTAMP, cols.get(3).type());
            assertEquals(BOOLEAN, cols.get(4).type());
            assertEquals(List.of("id"), insp.primaryKey(parents.name()).columns());
            assertEquals(List.of("a", "b"), insp.primaryKey(children.name()).columns());
            assertEquals(List.of(List.of("code")), insp.uniqueConstraints(parents.name()).stream().map(u -> u.columns()).toList());
            var fk = insp.foreignKeys(children.name());
            assertEquals(1, fk.size());
            assertEquals(parents.name(), fk.get(0).referredTable());
            assertEquals(List.of("parent_id"), fk.get(0).columns());
            assertEquals(List.of("id"), fk.get(0).referredColumns());
            assertEquals(org.athanor.core.schema.ReferentialAction.CASCADE, fk.get(0).onDelete());
            assertTrue(insp.indexes(children.name()).contains(new org.athanor.core.inspect.IndexInfo("ix_" + children.name() + "_note",
                    List.of("parent_id", "a"), false)), insp.indexes(children.name()).toString());
            // reflected tables work in Core statements at once, the join inferred from the reflected key
            MetaData md = MetaData.reflect(engine, null, List.of(parents.name(), children.name()));
            Table rp = md.table(parents.name()), rc = md.table(children.name());
            c.execute(insert(rp).set(rp.column("code", String.class), "p1").set(rp.column("ok", Boolean.class), true));
            Long pid = c.execute(select(rp.column("id")).where(rp.column("code", String.class).eq("p1"))).one()._1 instanceof Number n
                    ? n.longValue() : null;
            c.execute(insert(rc).columns(rc.column("a"), rc.column("b"), rc.column("parent_id"), rc.column("note")).values(1, 2, pid, "n"));
            var row = c.execute(select(rp.column("code", String.class), rc.column("note", String.class), rp.column("ok", Boolean.class))
                    .from(rp).join(rc)).one();
            assertEquals("p1", row._1);
            assertEquals("n", row._2);
            assertEquals(true, row._3);
            c.commit();
        } finally {
            c.rollback();
            two.dropAll(engine);
        }
    }

    // ---- large results ----------------------------------------------------------------------------------

    /** Rows for the streaming test: a million on servers; dialect tests may choose fewer. */
    protected int streamRows() { return 1_000_000; }

    /** Session settings a database needs before a million-step recursive CTE (MariaDB stops at 1,000 by default). */
    protected void allowDeepRecursion(Connection conn) {}

    private static long retainedHeap() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) System.gc();
        return rt.totalMemory() - rt.freeMemory();
    }

    @Test
    void streamingAMillionRowsHoldsMemoryFlat() {
        int total = streamRows();
        // rows made by the server: a recursive CTE counting to total, each with a 100-character payload
        Cte seq = Cte.recursive("seq", select(literal(1).as("n")),
                self -> select(self.column("n", Integer.class).plus(1)).where(self.column("n", Integer.class).lt(total)));
        Column<Integer> n = seq.column("n", Integer.class);
        var q = select(n, concat(param("x".repeat(100)), n)).from(seq).with(seq);
        allowDeepRecursion(c);
        long baseline = retainedHeap();
        long worst = 0, count = 0, sum = 0;
        try (var r = c.stream(q)) {
            for (var row : r) {
                count++;
                sum += row._1;
                if (row._2.length() < 101) fail("payload lost: " + row._2);
                if (count % (total / 4) == 0) worst = Math.max(worst, retainedHeap() - baseline);
            }
        }
        assertEquals(total, count);
        assertEquals((long) total * (total + 1) / 2, sum);
        // holding the rows would retain well over 100 bytes each (100 MB for a million); a stream keeps a fetch's worth
        assertTrue(worst < 48L * 1024 * 1024, "retained heap grew by " + worst / (1024 * 1024) + " MB while streaming " + total + " rows");
        // partitions(n): lists of at most n rows, lazily
        try (var r = c.stream(q)) {
            long[] seen = {0, 0};
            r.partitions(10_000).limit(5).forEach(p -> { seen[0] += p.size(); seen[1] = Math.max(seen[1], p.size()); });
            assertEquals(50_000, seen[0]);
            assertEquals(10_000, seen[1]);
        }
        // the connection is usable again once the stream is closed
        assertEquals(4L, c.execute(select(count()).from(P)).one()._1);
    }

    @Test
    void executeManyAndInsertManyOfAHundredThousandRows() {
        var template = insert(S).set(S.ID, bindParam("id", INTEGER)).set(S.REGION, bindParam("region", varchar(5)))
                .set(S.DAY, bindParam("day", INTEGER)).set(S.AMOUNT, bindParam("amount", INTEGER));
        Iterable<Map<String, ?>> sets = () -> new java.util.Iterator<>() {
            int i = 0;
            @Override public boolean hasNext() { return i < 100_000; }
            @Override public Map<String, ?> next() {
                i++;
                return Map.of("id", 1000 + i, "region", "m", "day", i % 31, "amount", i % 100);
            }
        };
        long baseline = retainedHeap();
        long n = c.executeMany(template, sets);
        long grown = retainedHeap() - baseline;
        assertTrue(n == 100_000 || n == -1, "rows reported: " + n);
        assertEquals(100_000L, c.execute(select(count()).from(S).where(S.REGION.eq("m"))).one()._1);
        assertTrue(grown < 32L * 1024 * 1024, "retained heap grew by " + grown / (1024 * 1024) + " MB");
        // insertMany: multi-row VALUES chunked under the bind-parameter limit (4 parameters a row)
        List<Map<Column<?>, ?>> rows = new java.util.ArrayList<>();
        for (int i = 0; i < 100_000; i++) rows.add(Map.of(S.ID, 200_000 + i, S.REGION, "q", S.DAY, 1, S.AMOUNT, 2));
        assertEquals(100_000L, c.insertMany(insert(S), rows));
        assertEquals(200_000L, ((Number) c.execute(select(sum(S.AMOUNT)).where(S.REGION.eq("q"))).one()._1).longValue());
        c.rollback();
    }

    // ---- literals, locks, long IN lists ----------------------------------------------------------------

    @Test
    void literalRenderingRoundTrips() {
        List<String> strings = List.of("plain", "it's", "back\\slash \\' mixed", "100% _under_", "unicode é ✓ 😀", "\\n\\t", "");
        java.time.OffsetDateTime tz = java.time.OffsetDateTime.of(2024, 3, 1, 23, 30, 15, 123_456_000, java.time.ZoneOffset.ofHours(5));
        int id = 0;
        for (String s : strings) {
            id++;
            var ins = insert(L).set(L.ID, id).set(L.S, s).set(L.B, new byte[] {0, 1, (byte) 0xff, '\'', '\\'})
                    .set(L.D, LocalDate.of(1999, 12, 31)).set(L.TS, LocalDateTime.of(2024, 2, 29, 1, 2, 3, 456_789_000))
                    .set(L.TZ, tz).set(L.NUM, new java.math.BigDecimal("-12345.678901")).set(L.FLAG, id % 2 == 0)
                    .set(L.BIG, Long.MIN_VALUE + id);
            String literal = engine.dialect().compile(ins, true).sql();
            assertFalse(literal.contains("?"), literal);
            c.executeSql(literal);
            Row r = rows(select(L.S, L.B, L.D, L.TS, L.TZ, L.NUM, L.FLAG, L.BIG).where(L.ID.eq(id))).get(0);
            assertEquals(s, r.get(0), literal);
            assertArrayEquals(new byte[] {0, 1, (byte) 0xff, '\'', '\\'}, (byte[]) r.get(1), literal);
            assertEquals(LocalDate.of(1999, 12, 31), r.get(2));
            assertEquals(LocalDateTime.of(2024, 2, 29, 1, 2, 3, 456_789_000), r.get(3));
            assertEquals(tz.toInstant(), ((java.time.OffsetDateTime) r.get(4)).toInstant());
            assertEquals(0, new java.math.BigDecimal("-12345.678901").compareTo((java.math.BigDecimal) r.get(5)));
            assertEquals(id % 2 == 0, r.get(6));
            assertEquals(Long.MIN_VALUE + id, r.get(7));
        }
        // literal values in WHERE select the same rows as bound ones
        var q = select(L.ID).where(L.S.in(strings), L.S.ne("plain")).orderBy(L.ID);
        List<Row> literalRows = c.execute(text(engine.dialect().compile(q, true).sql())).all();
        assertEquals(strings.size() - 1, literalRows.size());
    }

    @Test
    void rowLocks() {
        var lock = select(P.NAME).where(P.ID.eq(1)).forUpdate();
        if (!features().supportsForUpdate()) {
            CompileError e = assertThrows(CompileError.class, () -> c.execute(lock).all());
            assertTrue(e.getMessage().startsWith("SELECT ... FOR UPDATE is not supported by "), e.getMessage());
            return;
        }
        assertEquals(1, c.execute(lock).all().size());
        if (features().supportsForShare()) assertEquals(1, c.execute(select(P.NAME).where(P.ID.eq(1)).forShare()).all().size());
        if (features().supportsNowait())
            assertEquals(1, c.execute(select(P.NAME).where(P.ID.eq(1)).forUpdate(org.athanor.core.sql.LockMode.Wait.NOWAIT)).all().size());
        if (features().supportsSkipLocked()) {
            // another connection skips the row this one holds
            try (Connection other = engine.connect()) {
                assertEquals(List.of(2, 3, 4), other.execute(select(P.ID).orderBy(P.ID)
                        .forUpdate(org.athanor.core.sql.LockMode.Wait.SKIP_LOCKED)).all().stream().map(t -> t._1).toList());
            }
        }
    }

    @Test
    void inListBeyondTheBindParameterLimit() {
        int n = features().maxBindParams() + 1000;
        List<Integer> ids = new java.util.ArrayList<>(n);
        for (int i = 0; i < n; i++) ids.add(i * 2);   // 0, 2, 4, ...: hits sales 2, 4 and 6
        assertEquals(3L, c.execute(select(count()).from(S).where(S.ID.in(ids))).one()._1);
        assertEquals(3L, c.execute(select(count()).from(S).where(S.ID.notIn(ids))).one()._1);
    }

    // ---- DML -----------------------------------------------------------------------------------------------

    @Test
    void insertSelectUpdateFromDeleteUsing() {
        assertEquals(1, c.execute(insert(N).fromSelect(List.of(N.ID, N.PERSON, N.TITLE),
                select(P.ID.plus(10), P.ID, P.NAME.concat("!")).where(P.AGE.lt(20)))));
        assertEquals("Ann!", c.execute(select(N.TITLE).where(N.ID.eq(11))).one()._1);
        var nc = select(count()).from(N).where(N.PERSON.eq(P.ID)).<Long>scalarSubquery();
        assertEquals(3, c.execute(update(P).set(P.AGE, nc.cast(INTEGER)).where(exists(select(N.ID).where(N.PERSON.eq(P.ID))))));
        assertEquals(list(1, 2, 1, null), c.execute(select(P.AGE).orderBy(P.ID)).all().stream().map(t -> t._1).toList());
        assertEquals(2, c.execute(update(P).set(P.AGE, S.AMOUNT).from(S).where(S.ID.eq(P.ID), S.REGION.eq("n"), P.ID.le(2))));
        assertEquals(list(10, 20, 1, null), c.execute(select(P.AGE).orderBy(P.ID)).all().stream().map(t -> t._1).toList());
        assertEquals(1, c.execute(deleteFrom(N).using(P).where(P.ID.eq(N.PERSON), P.NAME.eq("Cy"))));
        assertEquals(List.of("Ann!", "b1", "b2"), c.execute(select(N.TITLE).orderBy(N.TITLE)).all().stream().map(t -> t._1).toList());
    }

    @Test
    void returningOnUpdateAndDelete() {
        var u = update(P).set(P.AGE, P.AGE.plus(1)).where(P.AGE.lt(50)).returning(P.NAME, P.AGE);
        if (!features().supportsUpdateReturning()) {
            assertThrows(CompileError.class, () -> c.execute(u));
        } else {
            assertEquals(List.of(list("Ann", 13), list("Bob", 31)), c.execute(u).all().stream().map(Row::toList)
                    .sorted((x, y) -> x.get(0).toString().compareTo(y.get(0).toString())).toList());
        }
        var d = deleteFrom(N).where(N.TITLE.startsWith("b")).returning(N.ID, N.TITLE);
        if (!features().supportsDeleteReturning()) {
            assertThrows(CompileError.class, () -> c.execute(d));
        } else {
            assertEquals(2, c.execute(d).all().size());
        }
    }

    @Test
    void portableUpsert() {
        // ON CONFLICT counts the updated row once; MySQL's ON DUPLICATE KEY UPDATE counts it twice
        int n = c.execute(insert(P).set(P.ID, 9).set(P.EMAIL, "bob@x").set(P.NAME, "Robert").set(P.AGE, 31)
                .onConflict(P.EMAIL).doUpdate(P.NAME, P.AGE));
        assertTrue(n == 1 || n == 2, "rows affected by an upsert that updated one row: " + n);
        assertEquals(new Tuple2<>("Robert", 31), c.execute(select(P.NAME, P.AGE).where(P.EMAIL.eq("bob@x"))).one());
        assertEquals(4L, c.execute(select(count()).from(P)).one()._1);
        Map<Column<?>, Object> set = new LinkedHashMap<>();
        set.put(P.AGE, P.AGE.plus(inserted(P.AGE)));
        c.execute(insert(P).columns(P.ID, P.EMAIL, P.NAME, P.AGE).values(10, "ann@x", "A", 1).values(11, "new@x", "N", 2)
                .onConflict(P.EMAIL).doUpdate(set));
        assertEquals(List.of(new Tuple2<>("Ann", 13), new Tuple2<>("N", 2)),
                c.execute(select(P.NAME, P.AGE).where(P.EMAIL.in("ann@x", "new@x")).orderBy(P.NAME)).all());
        c.execute(insert(P).set(P.ID, 12).set(P.EMAIL, "cy@x").set(P.NAME, "Other").onConflict(P.EMAIL).doNothing());
        assertEquals("Cy", c.execute(select(P.NAME).where(P.EMAIL.eq("cy@x"))).one()._1);
        assertEquals(5L, c.execute(select(count()).from(P)).one()._1);
    }

    // ---- issue 13: implied tables of UPDATE/DELETE, numeric promotion, more SQL -------------------------

    @Test
    void updateAndDeleteBringInTheTablesTheirWhereNames() {
        // the WHERE names sales: UPDATE ... FROM / multi-table UPDATE, never a table out of scope
        assertEquals(2, c.execute(update(P).set(P.AGE, S.AMOUNT).where(S.ID.eq(P.ID), S.REGION.eq("n"), P.ID.le(2))));
        assertEquals(list(10, 20, 70, null), c.execute(select(P.AGE).orderBy(P.ID)).all().stream().map(t -> t._1).toList());
        // a table met only inside EXISTS is correlated: only people with notes change
        assertEquals(2, c.execute(update(P).set(P.AGE, 0).where(exists(select(N.ID).where(N.PERSON.eq(P.ID))))));
        assertEquals(list(10, 0, 0, null), c.execute(select(P.AGE).orderBy(P.ID)).all().stream().map(t -> t._1).toList());
        // DELETE ... USING, multi-table DELETE, or SQLite's correlated EXISTS
        assertEquals(2, c.execute(deleteFrom(N).where(P.ID.eq(N.PERSON), P.NAME.eq("Bob"))));
        assertEquals(List.of("c1"), c.execute(select(N.TITLE).orderBy(N.TITLE)).all().stream().map(t -> t._1).toList());
        c.commit();
    }

    @Test
    void updateAndDeleteFromACteTheWhereNames() {
        Cte north = select(S.ID, S.AMOUNT).where(S.REGION.eq("n")).cte(TestDatabases.uniqueName("north"));
        var upd = with(north).statement(update(P).set(P.AGE, north.get(S.AMOUNT)).where(P.ID.eq(north.get(S.ID))));
        var del = with(north).statement(deleteFrom(N).where(N.PERSON.eq(north.get(S.ID)), north.get(S.AMOUNT).eq(20)));
        if (!features().supportsCteBeforeUpdateAndDelete()) {
            CompileError e = assertThrows(CompileError.class, () -> c.execute(upd));
            assertTrue(e.getMessage().startsWith("WITH before UPDATE or DELETE"), e.getMessage());
            return;
        }
        assertEquals(4, c.execute(upd));
        assertEquals(list(10, 20, 20, 40), c.execute(select(P.AGE).orderBy(P.ID)).all().stream().map(t -> t._1).toList());
        assertEquals(3, c.execute(del));
        assertEquals(0L, c.execute(select(count()).from(N)).one()._1);
        c.commit();
    }

    private static void assertDecimal(String expected, Object actual) {
        assertTrue(actual instanceof java.math.BigDecimal, "a BigDecimal: " + actual);
        assertEquals(0, new java.math.BigDecimal(expected).compareTo((java.math.BigDecimal) actual), expected + " vs " + actual);
    }

    @Test
    void mixedNumericArithmeticIsReadWithThePromotedType() {
        c.execute(deleteFrom(LN));
        c.execute(insert(LN).columns(LN.ID, LN.PRICE, LN.QTY).values(1, new java.math.BigDecimal("3.00"), 2)
                .values(2, new java.math.BigDecimal("2.50"), 3).values(3, new java.math.BigDecimal("1.25"), 4));
        List<Row> r = rows(select(LN.PRICE.times(LN.QTY), LN.PRICE.div(LN.QTY), LN.QTY.div(2), LN.QTY.neg().div(2)).orderBy(LN.ID));
        assertDecimal("6", r.get(0).get(0));
        assertDecimal("7.5", r.get(1).get(0));
        assertDecimal("5", r.get(2).get(0));
        // a NUMERIC quotient is exact where the database is (3.00 / 2 is 1.5 on SQLite too, not 1)
        assertDecimal("1.5", r.get(0).get(1));
        assertDecimal("0.3125", r.get(2).get(1));
        assertEquals(0.8333, ((java.math.BigDecimal) r.get(1).get(1)).doubleValue(), 1e-4);
        // two integers divide as integers, truncating toward zero, everywhere (DIV on MySQL/MariaDB)
        assertEquals(List.of(1, 1, 2), r.stream().map(x -> x.get(2)).toList());
        assertEquals(List.of(-1, -1, -2), r.stream().map(x -> x.get(3)).toList());
        var agg = c.execute(select(avg(LN.QTY), avg(LN.PRICE), sum(LN.PRICE.times(LN.QTY)))).one();
        assertDecimal("3", agg._1);
        assertDecimal("2.25", agg._2);
        assertDecimal("18.5", agg._3);
        c.commit();
    }

    @Test
    void valuesTableJoinedAndAliased() {
        var codes = values("codes").column("region", varchar(5)).column("label", TEXT).column("weight", INTEGER)
                .row("n", "north", 2).row("s", "south", null).row("x", "none", 1).build();
        List<Row> r = rows(select(S.ID, codes.column("label", String.class), codes.column("weight", Integer.class)).from(S)
                .join(codes, S.REGION.eq(codes.column("region", String.class))).where(S.DAY.eq(1)).orderBy(S.ID));
        assertEquals(List.of(list(1, "north", 2), list(5, "south", null)), r.stream().map(Row::toList).toList());
        // in FROM alone, aliased, and with an aggregate over it
        var other = codes.as("other");
        assertEquals(3L, c.execute(select(count()).from(other)).one()._1);
        assertEquals(3L, c.execute(select(sum(other.column("weight", Integer.class)).cast(BIGINT))).one()._1);
    }

    @Test
    void regularExpressionMatchAndReplace() {
        // people: Ann ann@x, Bob bob@x, Cy cy@x, Di di@x; patterns without letters whose case could matter
        assertEquals(List.of("Bob", "Cy"), c.execute(select(P.NAME).where(P.EMAIL.regexpMatch("^(b|c)[a-z]*@")).orderBy(P.NAME)).all()
                .stream().map(t -> t._1).toList());
        assertEquals(List.of("Ann", "Di"), c.execute(select(P.NAME).where(P.EMAIL.notRegexpMatch("^(b|c)")).orderBy(P.NAME)).all()
                .stream().map(t -> t._1).toList());
        assertEquals(List.of("#nn@x", "#ob@x"), c.execute(select(regexpReplace(P.EMAIL, "^[a-b]", "#")).where(P.ID.le(2)).orderBy(P.ID)).all()
                .stream().map(t -> t._1).toList());
        // every match is replaced, not just the first
        assertEquals("x-x-x", c.execute(select(regexpReplace(literal("a1-b22-c333"), "[a-c][0-9]+", "x"))).one()._1);
    }

    @Test
    void fetchFirstWithTiesAndNamedLimitParameters() {
        // amounts by id: 10, 20, 20, 40, 5, 7
        var page = select(S.ID).orderBy(S.ID).limit(bindParam("page", 2L, BIGINT)).offset(bindParam("skip", 1L, BIGINT));
        assertEquals(List.of(2, 3), c.execute(page).all().stream().map(t -> t._1).toList());
        var only = select(S.ID).orderBy(S.AMOUNT).fetchFirst(2);
        var ties = select(S.ID).orderBy(S.AMOUNT).fetchFirst(4, true);
        if (!features().supportsFetchFirst()) {
            CompileError e = assertThrows(CompileError.class, () -> c.execute(only));
            assertTrue(e.getMessage().startsWith("FETCH FIRST n ROWS (use limit()) is not supported by "), e.getMessage());
        } else {
            assertEquals(List.of(5, 6), c.execute(only).all().stream().map(t -> t._1).toList());
        }
        if (!features().supportsFetchWithTies()) {
            assertThrows(CompileError.class, () -> c.execute(ties));
        } else {
            // the 4th row (20) ties with the 5th: both come back
            assertEquals(List.of(1, 2, 3, 5, 6), c.execute(ties).all().stream().map(t -> t._1).sorted().toList());
        }
        var byCount = select(S.ID).orderBy(S.ID).limit(select(count()).from(E).where(E.BOSS.eq(1)).<Long>scalarSubquery());
        if (!features().supportsLimitExpressions()) {
            assertThrows(CompileError.class, () -> c.execute(byCount));
        } else {
            assertEquals(List.of(1, 2), c.execute(byCount).all().stream().map(t -> t._1).toList());
        }
    }

    /** Whether the database has VIRTUAL generated columns (all but PostgreSQL before 18). */
    protected boolean virtualComputedColumns() { return true; }

    @Test
    void computedColumnsCreatedReadAndInspected() {
        var t = new org.athanor.core.fixtures.Priced(TestDatabases.uniqueName("sx_priced"), virtualComputedColumns() ? Boolean.TRUE : null);
        MetaData m = MetaData.of(t);
        m.createAll(engine);
        try {
            try (Connection w = engine.connect()) {
                w.execute(insert(t).columns(t.ID, t.PRICE, t.QTY).values(1, new java.math.BigDecimal("2.50"), 4).values(2, new java.math.BigDecimal("1.00"), null));
                w.commit();
                List<Row> r = w.execute(select(t.ID, t.TOTAL, t.DOUBLED).orderBy(t.ID).withColumns(t.ID, t.TOTAL, t.DOUBLED)).all();
                assertDecimal("10", r.get(0).get(1));
                assertEquals(8, r.get(0).get(2));
                assertNull(r.get(1).get(1));
                assertNull(r.get(1).get(2));
            }
            var cols = engine.inspect().columns(t.name());
            var total = cols.stream().filter(x -> x.name().equals("total")).findFirst().orElseThrow();
            var doubled = cols.stream().filter(x -> x.name().equals("doubled")).findFirst().orElseThrow();
            var price = cols.stream().filter(x -> x.name().equals("price")).findFirst().orElseThrow();
            assertNull(price.computed());
            assertNotNull(total.computed(), cols.toString());
            assertTrue(total.computed().contains("price") && total.computed().contains("qty"), total.computed());
            assertTrue(total.computedStored());
            assertNull(total.defaultValue());
            assertTrue(doubled.computed().contains("qty"), doubled.computed());
            assertEquals(!virtualComputedColumns(), doubled.computedStored());
            // reflection keeps the definition, so the reflected table can be created again elsewhere
            Table reflected = MetaData.reflect(engine, null, List.of(t.name())).table(t.name());
            assertNotNull(reflected.column("total").computed());
            assertEquals(Boolean.TRUE, reflected.column("total").computed().stored());
            assertNull(reflected.column("price").computed());
        } finally {
            m.dropAll(engine);
        }
    }

    @Test
    void likeWithExpressionArgumentsAndEscapeCharacters() {
        var w = values("w").column("id", INTEGER).column("s", TEXT).column("p", TEXT)
                .row(1, "50%_off", "50%").row(2, "500 off", "50%").row(3, "a/b", "a/").row(4, "axb", "a_").row(5, "off!", "f!").build();
        Column<Integer> id = w.column("id", Integer.class);
        Column<String> s = w.column("s", String.class), p = w.column("p", String.class);
        // the value of p is taken literally: % and _ and / in it match only themselves
        assertEquals(List.of(1, 3), c.execute(select(id).from(w).where(s.startsWith(p)).orderBy(id)).all().stream().map(t -> t._1).toList());
        assertEquals(List.of(5), c.execute(select(id).from(w).where(s.endsWith(p, '!')).orderBy(id)).all().stream().map(t -> t._1).toList());
        assertEquals(List.of(1, 3, 5), c.execute(select(id).from(w).where(s.contains(p.concat("").cast(TEXT), '#')).orderBy(id)).all()
                .stream().map(t -> t._1).toList());
        // as a pattern, its wildcards are wildcards
        assertEquals(List.of(1, 2, 3, 4), c.execute(select(id).from(w).where(s.like(p.concat("%"))).orderBy(id)).all().stream().map(t -> t._1).toList());
        // literals keep autoescaping, with the escape character chosen
        assertEquals(List.of(1), c.execute(select(id).from(w).where(s.contains("%_", '!')).orderBy(id)).all().stream().map(t -> t._1).toList());
        assertEquals(List.of(5), c.execute(select(id).from(w).where(s.endsWith("f!", '!')).orderBy(id)).all().stream().map(t -> t._1).toList());
        assertEquals(List.of(1), c.execute(select(id).from(w).where(s.like("50!%!_off", '!')).orderBy(id)).all().stream().map(t -> t._1).toList());
        assertEquals(List.of(1, 2), c.execute(select(id).from(w).where(s.like("50%", '!')).orderBy(id)).all().stream().map(t -> t._1).toList());
    }

    @Test
    void rangeFramesWithDecimalAndIntervalOffsets() {
        c.execute(deleteFrom(LN));
        c.execute(insert(LN).columns(LN.ID, LN.PRICE, LN.QTY).values(1, new java.math.BigDecimal("3.00"), 2)
                .values(2, new java.math.BigDecimal("2.50"), 3).values(3, new java.math.BigDecimal("1.25"), 4));
        // prices 1.25, 2.50, 3.00: the frame is [price - 1.25, price]
        var byPrice = window().orderBy(LN.PRICE).range(preceding(new java.math.BigDecimal("1.25")), currentRow());
        List<Row> r = rows(select(LN.ID, sum(LN.QTY).over(byPrice)).orderBy(LN.PRICE));
        assertEquals(List.of(4, 7, 5), r.stream().map(x -> ((Number) x.get(1)).intValue()).toList());
        c.commit();

        var ev = values("ev").column("at", TIMESTAMP).column("n", INTEGER)
                .row(LocalDateTime.of(2024, 1, 1, 0, 0), 1).row(LocalDateTime.of(2024, 1, 1, 12, 0), 2).row(LocalDateTime.of(2024, 1, 3, 0, 0), 4).build();
        Column<LocalDateTime> at = ev.column("at", LocalDateTime.class);
        var lastDay = select(at, sum(ev.column("n", Integer.class)).over(window().orderBy(at).range(preceding(1, java.time.temporal.ChronoUnit.DAYS), currentRow())))
                .from(ev).orderBy(at);
        if (!features().supportsIntervalRangeOffsets()) {
            CompileError e = assertThrows(CompileError.class, () -> c.execute(lastDay));
            assertTrue(e.getMessage().startsWith("RANGE window frames with an interval offset"), e.getMessage());
            return;
        }
        assertEquals(List.of(1, 3, 4), c.execute(lastDay).all().stream().map(t -> ((Number) t._2).intValue()).toList());
    }
}
