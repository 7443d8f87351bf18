package org.athanor.sqlite;

import static org.athanor.core.schema.Table.col;
import static org.athanor.core.sql.Sql.*;
import static org.junit.jupiter.api.Assertions.*;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.athanor.core.engine.Connection;
import org.athanor.core.engine.Engine;
import org.athanor.core.schema.Column;
import org.athanor.core.schema.MetaData;
import org.athanor.core.schema.Table;
import org.athanor.core.sql.Row;
import org.athanor.core.type.SqlType;
import org.athanor.core.type.SqlTypes;
import org.junit.jupiter.api.Test;

/** Each standard type written and read back on SQLite at chosen values, and compared in WHERE as the type orders. */
class SqliteTypesTest {
    enum Mood { HAPPY, SAD }

    record Money(long cents) {}

    static final SqlType<Money> MONEY = SqlType.converted(SqlTypes.BIGINT, Money.class, Money::cents, Money::new);

    static final Table T = Table.of("types_t",
            col("id", SqlTypes.BIGINT, Table.Options.primaryKey(), Table.Options.autoincrement()),
            col("s", SqlTypes.SMALLINT), col("i", SqlTypes.INTEGER), col("b", SqlTypes.BIGINT), col("flag", SqlTypes.BOOLEAN),
            col("v", SqlTypes.varchar(20)), col("t", SqlTypes.TEXT), col("n", SqlTypes.numeric(12, 2)), col("r", SqlTypes.REAL),
            col("d", SqlTypes.DOUBLE), col("day", SqlTypes.DATE), col("tm", SqlTypes.TIME), col("ts", SqlTypes.TIMESTAMP),
            col("tz", SqlTypes.TIMESTAMPTZ), col("u", SqlTypes.UUID), col("bytes", SqlTypes.BLOB), col("j", SqlTypes.JSON),
            col("mood", SqlTypes.enumOf(Mood.class)), col("money", MONEY));

    @SuppressWarnings("unchecked")
    static <X> Column<X> c(String name) { return (Column<X>) T.column(name); }

    @Test
    void everyStandardTypeRoundTrips() {
        UUID uuid = UUID.fromString("123e4567-e89b-12d3-a456-426614174000");
        Object[] values = {(short) -32768, Integer.MIN_VALUE, Long.MAX_VALUE, true, "väl'ue", "line\nbreak \\ %_", new BigDecimal("1234567890.25"),
                1.5f, Math.PI, LocalDate.of(1999, 12, 31), LocalTime.of(23, 59, 58, 123_456_000), LocalDateTime.of(2024, 2, 29, 12, 0, 0, 1_000),
                OffsetDateTime.of(2024, 1, 1, 1, 30, 0, 0, ZoneOffset.ofHours(2)), uuid, new byte[] {0, -1, 127}, "{\"a\": [1, 2]}",
                Mood.SAD, new Money(1999)};
        List<Column<?>> cols = T.columns().subList(1, T.columns().size());
        try (Engine engine = Engine.create("sqlite://")) {
            MetaData.of(T).createAll(engine);
            try (Connection conn = engine.connect()) {
                conn.execute(insert(T).columns(cols.toArray(Column<?>[]::new)).values(values).values(new Object[values.length]));
                List<Row> rows = conn.execute(selectFrom(T).orderBy(c("id"))).all();
                Row r = rows.get(0);
                for (int i = 0; i < values.length; i++) {
                    Object got = r.get(cols.get(i));
                    if (values[i] instanceof byte[] b) assertArrayEquals(b, (byte[]) got);
                    else if (values[i] instanceof OffsetDateTime o) assertEquals(o.toInstant(), ((OffsetDateTime) got).toInstant());
                    else assertEquals(values[i], got, "column " + cols.get(i).name());
                }
                for (Column<?> col : cols) assertNull(rows.get(1).get(col), "null in " + col.name());
                // dates compare in time order, numeric at its scale, enums by name
                assertEquals(1L, (Long) conn.execute(select(count()).where(T.column("day", LocalDate.class).gt(LocalDate.of(1999, 1, 1)))).scalar());
                assertEquals(1L, (Long) conn.execute(select(count()).where(T.column("ts", LocalDateTime.class)
                        .between(LocalDateTime.of(2024, 2, 29, 11, 59), LocalDateTime.of(2024, 2, 29, 12, 0, 1)))).scalar());
                assertEquals(new BigDecimal("1234567890.25"), conn.execute(select(T.column("n", BigDecimal.class))
                        .where(T.column("mood", Mood.class).eq(Mood.SAD))).one()._1);
                assertEquals(new Money(1999), conn.execute(select(T.column("money", Money.class)).where(T.column("money", Money.class).eq(new Money(1999)))).one()._1);
                assertEquals(Boolean.TRUE, conn.execute(select(T.column("flag", Boolean.class)).where(T.column("flag", Boolean.class).eq(true))).one()._1);
            }
        }
    }

    @Test
    void literalsOfTimesCompareEqualToBoundValues() {
        Table t = Table.of("times_t", col("tm", SqlTypes.TIME), col("ts", SqlTypes.TIMESTAMP), col("tz", SqlTypes.TIMESTAMPTZ));
        Column<LocalTime> tm = t.column("tm", LocalTime.class);
        Column<LocalDateTime> ts = t.column("ts", LocalDateTime.class);
        Column<OffsetDateTime> tz = t.column("tz", OffsetDateTime.class);
        LocalTime eleven = LocalTime.of(23, 0);
        LocalDateTime noon = LocalDateTime.of(2024, 5, 1, 12, 0);
        OffsetDateTime paris = OffsetDateTime.of(2024, 5, 1, 14, 0, 0, 0, ZoneOffset.ofHours(2));
        assertEquals("SELECT times_t.tm FROM times_t WHERE times_t.tm = '23:00:00.000000' AND times_t.tz = '2024-05-01 12:00:00.000000'",
                SqliteDialect.INSTANCE.compile(select(tm).where(tm.eq(literal(eleven)), tz.eq(literal(paris))), false).sql());
        try (Engine engine = Engine.create("sqlite://")) {
            MetaData.of(t).createAll(engine);
            try (Connection conn = engine.connect()) {
                conn.execute(insert(t).set(tm, eleven).set(ts, noon).set(tz, paris));
                assertEquals(1L, (Long) conn.execute(select(count()).where(tm.eq(literal(eleven)), ts.eq(literal(noon)), tz.eq(literal(paris)))).scalar());
                assertEquals(1, ((Number) conn.execute(text(SqliteDialect.INSTANCE.compile(select(count()).where(tm.eq(eleven), tz.eq(paris)), true).sql())).scalar()).intValue());
            }
        }
    }

    @Test
    void anIntegerTooLargeForItsJavaTypeIsAnErrorNotATruncatedValue() {
        Table t = Table.of("ints_t", col("i", SqlTypes.INTEGER), col("s", SqlTypes.SMALLINT));
        Column<Integer> i = t.column("i", Integer.class);
        Column<Short> s = t.column("s", Short.class);
        try (Engine engine = Engine.create("sqlite://")) {
            MetaData.of(t).createAll(engine);
            try (Connection conn = engine.connect()) {
                conn.execute(insert(t).columns(i, s).values(2_000_000_000, (short) 30_000).values(2_000_000_000, (short) 30_000));
                assertEquals(List.of(2_000_000_000, 2_000_000_000), conn.execute(select(i)).all().stream().map(r -> r._1).toList());
                // SQLite sums in 64 bits; reading 4e9 as an int would silently give -294967296
                org.athanor.core.error.DataError e = assertThrows(org.athanor.core.error.DataError.class, () -> conn.execute(select(sum(i))).one());
                assertTrue(e.getMessage().contains("4000000000") && e.getMessage().contains("INTEGER"), e.getMessage());
                assertThrows(org.athanor.core.error.DataError.class, () -> conn.execute(select(sum(s))).one());
                assertEquals(4_000_000_000L, (Long) conn.execute(select(sum(i.cast(SqlTypes.BIGINT)))).scalar());
                assertEquals((short) 30_000, conn.execute(select(max(s))).one()._1);
            }
        }
    }
}
