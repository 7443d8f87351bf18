package org.athanor.sqlite;

import static org.athanor.core.sql.FrameBound.*;
import static org.athanor.core.sql.Sql.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.athanor.core.engine.Connection;
import org.athanor.core.engine.Engine;
import org.athanor.core.error.CompileError;
import org.athanor.core.schema.Column;
import org.athanor.core.schema.MetaData;
import org.athanor.core.schema.Table;
import org.athanor.core.sql.Row;
import org.athanor.core.sql.Statement;
import org.athanor.core.type.SqlTypes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Window functions with partitions, ordering and ROWS/RANGE frames; aggregate FILTER and its CASE emulation. */
class SqliteWindowTest {
    static final Table SALES = Table.of("sales", Table.col("id", SqlTypes.INTEGER, Table.Options.primaryKey()),
            Table.col("region", SqlTypes.TEXT), Table.col("day", SqlTypes.INTEGER), Table.col("amount", SqlTypes.INTEGER));
    static final Column<Integer> ID = SALES.column("id", Integer.class);
    static final Column<String> REGION = SALES.column("region", String.class);
    static final Column<Integer> DAY = SALES.column("day", Integer.class);
    static final Column<Integer> AMOUNT = SALES.column("amount", Integer.class);

    Engine engine;
    Connection c;

    static String sql(Statement s) { return SqliteDialect.INSTANCE.compile(s).sql(); }

    @BeforeEach
    void setUp() {
        engine = Engine.create("sqlite://");
        MetaData.of(SALES).createAll(engine);
        c = engine.connect();
        c.execute(insert(SALES).columns(ID, REGION, DAY, AMOUNT)
                .values(1, "n", 1, 10).values(2, "n", 2, 20).values(3, "n", 3, 20).values(4, "n", 4, 40)
                .values(5, "s", 1, 5).values(6, "s", 2, 7));
    }

    @AfterEach
    void tearDown() {
        c.close();
        engine.close();
    }

    @Test
    void windowSql() {
        var w = window().partitionBy(REGION).orderBy(DAY);
        var q = select(ID, rowNumber().over(w), sum(AMOUNT).over(w.rows(preceding(1), currentRow())),
                avg(AMOUNT).over(window().partitionBy(REGION)), rank().over(window().orderBy(AMOUNT.desc())),
                sum(AMOUNT).over(window().orderBy(DAY).range(unboundedPreceding(), currentRow())), count().over(window()));
        assertEquals("SELECT sales.id, row_number() OVER (PARTITION BY sales.region ORDER BY sales.day), "
                + "sum(sales.amount) OVER (PARTITION BY sales.region ORDER BY sales.day ROWS BETWEEN 1 PRECEDING AND CURRENT ROW), "
                + "avg(sales.amount) OVER (PARTITION BY sales.region), rank() OVER (ORDER BY sales.amount DESC), "
                + "sum(sales.amount) OVER (ORDER BY sales.day RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW), "
                + "count(*) OVER () FROM sales", sql(q));
        assertEquals("SELECT lag(sales.amount, 2, ?) OVER (ORDER BY sales.id), lead(sales.amount) OVER (ORDER BY sales.id), "
                + "first_value(sales.amount) OVER (PARTITION BY sales.region ORDER BY sales.day ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) FROM sales",
                sql(select(lag(AMOUNT, 2, 0).over(window().orderBy(ID)), lead(AMOUNT).over(window().orderBy(ID)),
                        firstValue(AMOUNT).over(window().partitionBy(REGION).orderBy(DAY).rows(unboundedPreceding(), unboundedFollowing())))));
    }

    @Test
    void rankingFunctionsLive() {
        var byAmount = window().orderBy(AMOUNT.desc());
        List<Row> rows = rows(c, select(ID, rowNumber().over(byAmount), rank().over(byAmount), denseRank().over(byAmount),
                ntile(2).over(window().orderBy(ID))).where(REGION.eq("n")).orderBy(ID));
        // amounts 10, 20, 20, 40 ranked descending
        assertEquals(List.of(1, 4L, 4L, 3L, 1L), rows.get(0).toList());
        assertEquals(2L, rows.get(1).get(2)); // the two 20s tie for rank 2
        assertEquals(2L, rows.get(1).get(3));
        assertEquals(2L, rows.get(2).get(2));
        assertEquals(List.of(4, 1L, 1L, 1L, 2L), rows.get(3).toList());
    }

    @Test
    void lagLeadFirstValueLive() {
        var w = window().partitionBy(REGION).orderBy(DAY);
        List<Row> rows = rows(c, select(ID, lag(AMOUNT).over(w), lead(AMOUNT, 1, -1).over(w), firstValue(AMOUNT).over(w),
                lastValue(AMOUNT).over(w.rows(unboundedPreceding(), unboundedFollowing()))).orderBy(ID));
        assertEquals(java.util.Arrays.asList(1, null, 20, 10, 40), rows.get(0).toList());
        assertEquals(List.of(4, 20, -1, 10, 40), rows.get(3).toList());
        assertEquals(java.util.Arrays.asList(5, null, 7, 5, 7), rows.get(4).toList());
    }

    @Test
    void framesLive() {
        var w = window().partitionBy(REGION).orderBy(DAY);
        List<Row> rows = rows(c, select(ID, sum(AMOUNT).over(w.rows(preceding(1), currentRow())),
                sum(AMOUNT).over(window().partitionBy(REGION).orderBy(AMOUNT).range(unboundedPreceding(), currentRow())),
                avg(AMOUNT).over(window().partitionBy(REGION))).where(REGION.eq("n")).orderBy(ID));
        assertEquals(List.of(10, 30, 40, 60), rows.stream().map(r -> r.get(1)).toList());
        // RANGE treats peers (the two 20s) as one: both see 10 + 20 + 20
        assertEquals(List.of(10, 50, 50, 90), rows.stream().map(r -> r.get(2)).toList());
        assertEquals(new java.math.BigDecimal("22.5"), rows.get(0).get(3));
        // GROUPS counts peer groups: one group back from each row
        List<Row> groups = rows(c, select(ID, sum(AMOUNT).over(window().partitionBy(REGION).orderBy(AMOUNT).groups(preceding(1), currentRow())))
                .where(REGION.eq("n")).orderBy(ID));
        assertEquals(List.of(10, 50, 50, 80), groups.stream().map(r -> r.get(1)).toList());
    }

    @Test
    void aggregateFilterNativeAndEmulated() {
        var q = select(REGION, filter(count(), AMOUNT.ge(10)), filter(sum(AMOUNT), DAY.gt(1)), count()).groupBy(REGION).orderBy(REGION);
        assertEquals("SELECT sales.region, count(*) FILTER (WHERE sales.amount >= ?), sum(sales.amount) FILTER (WHERE sales.day > ?), "
                + "count(*) FROM sales GROUP BY sales.region ORDER BY sales.region", sql(q));
        SqliteDialect noFilter = new SqliteDialect(SqliteDialect.FEATURES.toBuilder().filterClause(false).build());
        assertEquals("SELECT sales.region, count(CASE WHEN sales.amount >= ? THEN 1 END), sum(CASE WHEN sales.day > ? THEN sales.amount END), "
                + "count(*) FROM sales GROUP BY sales.region ORDER BY sales.region", noFilter.compile(q).sql());
        List<List<Object>> expected = List.of(List.of("n", 4L, 80, 4L), List.of("s", 0L, 7, 2L));
        assertEquals(expected, rows(c, q).stream().map(Row::toList).toList());
        {
            // a separate in-memory database with the same rows, compiled without FILTER
            org.sqlite.SQLiteDataSource ds = new org.sqlite.SQLiteDataSource();
            ds.setUrl("jdbc:sqlite:file:filteremu?mode=memory&cache=shared");
            try (Engine e2 = Engine.of(ds, noFilter); Connection c2 = e2.connect()) {
                MetaData.of(SALES).createAll(e2);
                c2.execute(insert(SALES).columns(ID, REGION, DAY, AMOUNT)
                        .values(1, "n", 1, 10).values(2, "n", 2, 20).values(3, "n", 3, 20).values(4, "n", 4, 40)
                        .values(5, "s", 1, 5).values(6, "s", 2, 7));
                assertEquals(expected, rows(c2, q).stream().map(Row::toList).toList());
            }
        }
    }

    @Test
    void lagLeadDefaultEmulatedWhereMissing() {
        SqliteDialect noDefault = new SqliteDialect(SqliteDialect.FEATURES.toBuilder().lagLeadDefault(false).build());
        var w = window().partitionBy(REGION).orderBy(DAY);
        var q = select(ID, lag(AMOUNT, 1, -1).over(w), lead(AMOUNT, 2, -2).over(w)).orderBy(ID);
        assertEquals("SELECT sales.id, CASE WHEN count(*) OVER (PARTITION BY sales.region ORDER BY sales.day ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) > 1 "
                + "THEN lag(sales.amount, 1) OVER (PARTITION BY sales.region ORDER BY sales.day) ELSE ? END, "
                + "CASE WHEN count(*) OVER (PARTITION BY sales.region ORDER BY sales.day ROWS BETWEEN CURRENT ROW AND 2 FOLLOWING) > 2 "
                + "THEN lead(sales.amount, 2) OVER (PARTITION BY sales.region ORDER BY sales.day) ELSE ? END FROM sales ORDER BY sales.id",
                noDefault.compile(q).sql());
        c.execute(update(SALES).set(AMOUNT, (Integer) null).where(ID.eq(3))); // a NULL found must stay NULL
        List<List<Object>> expected = rows(c, q).stream().map(Row::toList).toList();
        assertEquals(java.util.Arrays.asList(1, -1, null), expected.get(0));
        org.sqlite.SQLiteDataSource ds = new org.sqlite.SQLiteDataSource();
        ds.setUrl("jdbc:sqlite:file:lagemu?mode=memory&cache=shared");
        try (Engine e2 = Engine.of(ds, noDefault); Connection c2 = e2.connect()) {
            MetaData.of(SALES).createAll(e2);
            c2.execute(insert(SALES).columns(ID, REGION, DAY, AMOUNT)
                    .values(1, "n", 1, 10).values(2, "n", 2, 20).values(3, "n", 3, null).values(4, "n", 4, 40)
                    .values(5, "s", 1, 5).values(6, "s", 2, 7));
            assertEquals(expected, rows(c2, q).stream().map(Row::toList).toList());
        }
    }

    static List<Row> rows(Connection conn, org.athanor.core.sql.Select<?> q) {
        return conn.execute(q.withColumns(q.columns().toArray(new org.athanor.core.sql.Expression<?>[0]))).all();
    }

    @Test
    void filterNeedsAnAggregateAndFramesMustBeOrdered() {
        assertThrows(IllegalArgumentException.class, () -> filter(AMOUNT, DAY.gt(1)));
        assertThrows(IllegalArgumentException.class, () -> window().rows(currentRow(), preceding(1)));
        SqliteDialect noWindows = new SqliteDialect(SqliteDialect.FEATURES.toBuilder().windowFunctions(false).build());
        CompileError e = assertThrows(CompileError.class, () -> noWindows.compile(select(rowNumber().over(window()))));
        assertEquals("window functions (OVER) is not supported by SQLite", e.getMessage());
    }
}
