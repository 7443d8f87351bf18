package org.athanor.sqlite;

import static org.athanor.core.fixtures.Users.USERS;
import static org.athanor.core.sql.Sql.*;
import static org.junit.jupiter.api.Assertions.*;

import io.vavr.Tuple1;
import io.vavr.Tuple2;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.athanor.core.compile.CompiledStatement;
import org.athanor.core.engine.Connection;
import org.athanor.core.engine.Engine;
import org.athanor.core.schema.Column;
import org.athanor.core.schema.MetaData;
import org.athanor.core.schema.Table;
import org.athanor.core.sql.DatePart;
import org.athanor.core.sql.Row;
import org.athanor.core.sql.Statement;
import org.athanor.core.type.SqlTypes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** CASE, CAST, EXTRACT, COALESCE/NULLIF, string functions and text(): exact SQLite SQL and live results. */
class SqliteExpressionsTest {
    static final Table EVENTS = Table.of("events", Table.col("id", SqlTypes.BIGINT, Table.Options.primaryKey()),
            Table.col("at", SqlTypes.TIMESTAMP), Table.col("day", SqlTypes.DATE));
    static final Column<LocalDateTime> AT = EVENTS.column("at", LocalDateTime.class);
    static final Column<LocalDate> DAY = EVENTS.column("day", LocalDate.class);

    Engine engine;
    Connection c;

    static String sql(Statement s) { return SqliteDialect.INSTANCE.compile(s).sql(); }

    @BeforeEach
    void setUp() {
        engine = Engine.create("sqlite://");
        MetaData.of(USERS, EVENTS).createAll(engine);
        c = engine.connect();
        c.execute(insert(USERS).columns(USERS.NAME, USERS.AGE, USERS.EMAIL)
                .values("Ann", 12, "ann@x").values("Bob", 30, null).values("Cy", 70, "cy@x").values("Di", null, "di@x"));
        c.execute(insert(EVENTS).columns(EVENTS.column("id"), AT, DAY)
                .values(1L, LocalDateTime.of(2024, 2, 29, 13, 45, 59, 900_000_000), LocalDate.of(2024, 12, 31))
                .values(2L, null, null));
    }

    @AfterEach
    void tearDown() {
        c.close();
        engine.close();
    }

    @Test
    void searchedCaseSql() {
        var q = select(USERS.NAME, caseWhen(USERS.AGE.lt(18), "minor").when(USERS.AGE.lt(65), "adult").otherwise("senior").as("grp"));
        CompiledStatement cs = SqliteDialect.INSTANCE.compile(q);
        assertEquals("SELECT users.name, CASE WHEN users.age < ? THEN ? WHEN users.age < ? THEN ? ELSE ? END AS grp FROM users", cs.sql());
        assertEquals(List.of(18, "minor", 65, "adult", "senior"), cs.parameters());
    }

    @Test
    void simpleCaseSql() {
        var q = select(caseOf(USERS.AGE).when(30, "thirty").when(70, "seventy"));
        assertEquals("SELECT CASE users.age WHEN ? THEN ? WHEN ? THEN ? END FROM users", sql(q));
    }

    @Test
    void caseLive() {
        var grp = caseWhen(USERS.AGE.lt(18), "minor").when(USERS.AGE.lt(65), "adult").otherwise("senior");
        List<Tuple2<String, String>> rows = c.execute(select(USERS.NAME, grp).orderBy(USERS.NAME)).all();
        // Di's age is NULL: no WHEN is true, so ELSE applies
        assertEquals(List.of(new Tuple2<>("Ann", "minor"), new Tuple2<>("Bob", "adult"), new Tuple2<>("Cy", "senior"),
                new Tuple2<>("Di", "senior")), rows);
        var simple = caseOf(USERS.AGE).when(30, "thirty").when(70, USERS.NAME);
        List<Tuple1<String>> s = c.execute(select(simple).orderBy(USERS.NAME)).all();
        assertEquals(List.of(new Tuple1<>(null), new Tuple1<>("thirty"), new Tuple1<>("Cy"), new Tuple1<>(null)), s);
        // CASE in WHERE and in an aggregate
        long adults = c.execute(select(sum(caseWhen(USERS.AGE.ge(18), 1L).otherwise(0L)))).one()._1;
        assertEquals(2L, adults);
    }

    @Test
    void caseMisuse() {
        assertThrows(IllegalArgumentException.class, () -> caseWhen(USERS.AGE.lt(1), "a").when("x", "b"));
        assertThrows(IllegalArgumentException.class, () -> caseOf(USERS.AGE).when(1, "a").when(USERS.AGE.gt(2), "b"));
    }

    @Test
    void castSqlAndLive() {
        var q = select(cast(USERS.AGE, SqlTypes.TEXT), USERS.AGE.cast(SqlTypes.DOUBLE), cast(param("42"), SqlTypes.BIGINT))
                .where(USERS.NAME.eq("Bob"));
        assertEquals("SELECT CAST(users.age AS TEXT), CAST(users.age AS DOUBLE), CAST(? AS BIGINT) FROM users WHERE users.name = ?", sql(q));
        var row = c.execute(q).one();
        assertEquals("30", row._1);
        assertEquals(30.0, row._2);
        assertEquals(42L, row._3);
        assertEquals("SELECT CAST(users.name AS VARCHAR(20)) FROM users", sql(select(cast(USERS.NAME, SqlTypes.varchar(20)))));
        assertEquals("SELECT CAST(users.age AS NUMERIC(10, 2)) FROM users", sql(select(cast(USERS.AGE, SqlTypes.numeric(10, 2)))));
    }

    @Test
    void extractSql() {
        assertEquals("SELECT CAST(strftime('%Y', events.at) AS INTEGER) FROM events", sql(select(extract(DatePart.YEAR, AT))));
        assertEquals("SELECT ((CAST(strftime('%m', events.day) AS INTEGER) + 2) / 3) FROM events",
                sql(select(extract(DatePart.QUARTER, DAY))));
        assertEquals("SELECT FLOOR(EXTRACT(SECOND FROM events.at)) FROM events",
                org.athanor.core.dialect.GenericDialect.INSTANCE.compile(select(extract(DatePart.SECOND, AT))).sql());
    }

    @Test
    void extractLive() {
        Row r = c.execute(select(extract(DatePart.YEAR, AT), extract(DatePart.MONTH, AT), extract(DatePart.DAY, AT),
                extract(DatePart.HOUR, AT), extract(DatePart.MINUTE, AT), extract(DatePart.SECOND, AT),
                extract(DatePart.DAY_OF_WEEK, AT), extract(DatePart.DAY_OF_YEAR, AT), extract(DatePart.QUARTER, AT),
                extract(DatePart.DAY_OF_YEAR, DAY)).where(EVENTS.column("id", Long.class).eq(1L))).one();
        // 2024-02-29 was a Thursday (4); day 60 of a leap year; 31 Dec 2024 is day 366
        assertEquals(List.of(2024, 2, 29, 13, 45, 59, 4, 60, 1, 366),
                List.of(r.get(0), r.get(1), r.get(2), r.get(3), r.get(4), r.get(5), r.get(6), r.get(7), r.get(8), r.get(9)));
        var n = c.execute(select(extract(DatePart.YEAR, AT), extract(DatePart.QUARTER, AT))
                .where(EVENTS.column("id", Long.class).eq(2L))).one();
        assertNull(n._1);
        assertNull(n._2);
        // EXTRACT in WHERE
        assertEquals(1L, (Long) c.execute(select(count()).from(EVENTS).where(extract(DatePart.MONTH, DAY).eq(12))).scalar());
    }

    @Test
    void coalesceNullifLive() {
        var q = select(USERS.NAME, coalesce(USERS.EMAIL, "none"), nullif(USERS.AGE, param(30))).orderBy(USERS.NAME);
        assertEquals("SELECT users.name, coalesce(users.email, ?), nullif(users.age, ?) FROM users ORDER BY users.name", sql(q));
        var rows = c.execute(q).all();
        assertEquals("none", rows.get(1)._2);
        assertNull(rows.get(1)._3);
        assertEquals(12, rows.get(0)._3);
    }

    @Test
    void stringFunctionsSqlAndLive() {
        var q = select(substring(USERS.EMAIL, 1, 2), substring(USERS.EMAIL, 3), replace(USERS.EMAIL, "@", " at "),
                concat(USERS.NAME, "-", USERS.AGE), ltrim(param("  a ")), rtrim(param(" a  ")), trim(param("  a  ")),
                upper(USERS.NAME), length(USERS.NAME)).where(USERS.NAME.eq("Ann"));
        assertEquals("SELECT substr(users.email, ?, ?), substr(users.email, ?), replace(users.email, ?, ?), "
                + "(users.name || ?) || users.age, ltrim(?), rtrim(?), trim(?), upper(users.name), length(users.name) "
                + "FROM users WHERE users.name = ?", sql(q));
        Row r = c.execute(q).one();
        assertEquals(List.of("an", "n@x", "ann at x", "Ann-12", "a ", " a", "a", "ANN", 3),
                List.of(r.get(0), r.get(1), r.get(2), r.get(3), r.get(4), r.get(5), r.get(6), r.get(7), r.get(8)));
    }

    @Test
    void textInWhereAndAsStatement() {
        var q = select(USERS.NAME).where(text("users.age BETWEEN :lo AND :hi AND users.name <> ':not_a_param'")
                .bind("lo", 10).bind("hi", 40)).orderBy(USERS.NAME);
        CompiledStatement cs = SqliteDialect.INSTANCE.compile(q);
        assertEquals("SELECT users.name FROM users WHERE users.age BETWEEN ? AND ? AND users.name <> ':not_a_param' ORDER BY users.name", cs.sql());
        assertEquals(List.of(10, 40), cs.parameters());
        assertEquals(List.of(new Tuple1<>("Ann"), new Tuple1<>("Bob")), c.execute(q).all());

        var t = text("SELECT name, age FROM users WHERE age > :a OR name = :n ORDER BY name").bind("a", 60).bind("n", "Ann");
        List<Row> rows = c.execute(t).all();
        assertEquals(2, rows.size());
        assertEquals("Ann", rows.get(0).get("name"));
        assertEquals(70, ((Number) rows.get(1).get("age")).intValue());

        c.executeStatement(text("UPDATE users SET age = :age WHERE name = :name").bind("age", 31).bind("name", "Bob"));
        assertEquals(31, c.execute(select(USERS.AGE).where(USERS.NAME.eq("Bob"))).one()._1);
        var unbound = text("SELECT * FROM users WHERE id = :id");
        assertThrows(IllegalStateException.class, () -> c.execute(unbound).all());
        assertThrows(IllegalArgumentException.class, () -> unbound.bind("nope", 1));
    }
}
