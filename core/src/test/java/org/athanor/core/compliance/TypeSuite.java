package org.athanor.core.compliance;

import static org.athanor.core.sql.Sql.*;
import static org.athanor.core.type.SqlTypes.*;
import static org.junit.jupiter.api.Assertions.*;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.athanor.core.engine.Connection;
import org.athanor.core.error.DataError;
import org.athanor.core.error.DatabaseError;
import org.athanor.core.schema.Column;
import org.athanor.core.schema.Table;
import org.athanor.core.type.SqlType;
import org.athanor.core.testing.TestDatabases;
import org.junit.jupiter.api.Test;

/**
 * Every standard type survives an insert and a select unchanged, NULL included: the values are
 * chosen at the edges where drivers and databases usually lose something (quotes, backslashes,
 * emoji, BIGINT extremes, microseconds, offsets, all 256 byte values).
 */
public abstract class TypeSuite extends ComplianceSuite {
    /** An enum stored by name. */
    public enum Mood { HAPPY, SAD, SO_SO }

    /** A user type over BIGINT (SQLAlchemy's TypeDecorator): durations stored as milliseconds. */
    static final SqlType<Duration> MILLIS = SqlType.converted(BIGINT, Duration.class, Duration::toMillis, Duration::ofMillis);

    /** One table with a value column of {@code type}; each test inserts rows and reads them back. */
    private <T> List<T> roundTrip(SqlType<T> type, List<T> values) {
        Table t = Table.of(TestDatabases.uniqueName("ty"), Table.col("id", BIGINT, Table.Options.primaryKey()),
                Table.col("v", type));
        create(t);
        Column<Long> id = t.column("id", Long.class);
        @SuppressWarnings("unchecked") Column<T> v = (Column<T>) t.column("v");
        try (Connection c = engine().connect()) {
            for (int i = 0; i < values.size(); i++) c.execute(insert(t).set(id, (long) i).set(v, values.get(i)));
            c.commit();
        }
        try (Connection c = engine().connect()) {
            List<T> out = new ArrayList<>();
            for (var r : c.execute(select(v).orderBy(id)).all()) out.add(r._1);
            return out;
        }
    }

    private <T> void assertRoundTrip(SqlType<T> type, List<T> values) {
        List<T> withNull = new ArrayList<>(values);
        withNull.add(null);
        assertEquals(withNull, roundTrip(type, withNull), type + " values must come back unchanged from " + db());
    }

    @SafeVarargs
    private static <T> List<T> list(T... values) { return Arrays.asList(values); }

    static final List<String> NASTY_STRINGS = List.of(
            "", " ", "plain", "it's", "''", "\"quoted\"", "back\\slash", "\\", "\\\\", "\\'", "'\\", "100%", "a_b", "%_%",
            "line\nbreak\ttab\rreturn", "Grüße, Привет, 日本語, العربية", "emoji 😀👍🏽🇺🇳", "trailing spaces   ",
            "'; DROP TABLE x; --", "\u007f\u0001\u001f", "?", ":name", "$1", "{}", "\u00a0nbsp");

    @Test
    void strings() {
        assertRoundTrip(TEXT, NASTY_STRINGS);
        assertRoundTrip(varchar(64), NASTY_STRINGS);
    }

    @Test
    void veryLongTextRoundTripsOrFailsClearlyNeverTruncated() {
        String s = "0123456789abcdef😀".repeat(6_000); // 102,000 chars, 120,000 UTF-8 bytes
        try {
            assertEquals(list(s), roundTrip(TEXT, list(s)));
        } catch (DatabaseError e) {
            assertInstanceOf(DataError.class, e, "a value too long for TEXT must be a DataError: " + e);
        }
    }

    @Test
    void integers() {
        assertRoundTrip(BIGINT, list(Long.MIN_VALUE, Long.MAX_VALUE, 0L, -1L, 1L << 53, (1L << 53) + 1));
        assertRoundTrip(INTEGER, list(Integer.MIN_VALUE, Integer.MAX_VALUE, 0, -1));
        assertRoundTrip(SMALLINT, list(Short.MIN_VALUE, Short.MAX_VALUE, (short) 0));
    }

    @Test
    void numericAtFullPrecision() {
        List<BigDecimal> values;
        SqlType<BigDecimal> type;
        if (features().exactNumeric()) {
            type = numeric(38, 10);
            values = list(new BigDecimal("1234567890123456789012345678.1234567890"),
                    new BigDecimal("-9999999999999999999999999999.9999999999"), new BigDecimal("0.0000000001"));
        } else {
            // databases that keep NUMERIC as a double hold 15 significant digits
            type = numeric(15, 4);
            values = list(new BigDecimal("12345678901.2345"), new BigDecimal("-99999999999.9999"), new BigDecimal("0.0001"));
        }
        List<BigDecimal> extra = list(BigDecimal.ZERO, new BigDecimal("1.5"), new BigDecimal("-42"));
        List<BigDecimal> all = new ArrayList<>(values);
        all.addAll(extra);
        List<BigDecimal> back = roundTrip(type, all);
        for (int i = 0; i < all.size(); i++)
            assertEquals(0, all.get(i).compareTo(back.get(i)), type + " on " + db() + ": " + all.get(i) + " came back as " + back.get(i));
        for (int i = 0; i < all.size(); i++)
            assertEquals(type.scale(), back.get(i).scale(), "NUMERIC reads back at the column's scale: " + back.get(i));
    }

    @Test
    void floatingPoint() {
        assertRoundTrip(DOUBLE, list(0.1, -0.5, Math.PI, Double.MAX_VALUE, -Double.MAX_VALUE, Double.MIN_NORMAL, 1e-300, 123456789.123456789));
        assertRoundTrip(REAL, list(0.1f, -0.5f, 3.4e38f, 1e-30f, 16777216f));
    }

    @Test
    void booleans() {
        assertRoundTrip(BOOLEAN, list(true, false));
    }

    @Test
    void datesAndTimes() {
        assertRoundTrip(DATE, list(LocalDate.of(1970, 1, 1), LocalDate.of(2024, 2, 29), LocalDate.of(1999, 12, 31),
                LocalDate.of(9999, 12, 31), LocalDate.of(1000, 1, 1)));
        assertRoundTrip(TIME, list(LocalTime.of(0, 0), LocalTime.of(23, 59, 59, 999_999_000), LocalTime.of(12, 30, 0, 123_456_000),
                LocalTime.of(1, 2, 3)));
        assertRoundTrip(TIMESTAMP, list(LocalDateTime.of(2024, 3, 10, 2, 30, 0, 123_456_000), // a DST gap in America/New_York
                LocalDateTime.of(2024, 10, 27, 2, 30, 0, 1_000), // a DST overlap in Europe
                LocalDateTime.of(1970, 1, 1, 0, 0), LocalDateTime.of(2038, 1, 19, 3, 14, 8), LocalDateTime.of(1969, 12, 31, 23, 59, 59, 999_999_000),
                LocalDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_000)));
    }

    @Test
    void timestampsWithTimeZoneKeepTheInstant() {
        List<OffsetDateTime> values = list(OffsetDateTime.of(2024, 3, 10, 2, 30, 0, 123_456_000, ZoneOffset.ofHoursMinutes(5, 30)),
                OffsetDateTime.of(2024, 1, 1, 0, 0, 0, 1_000, ZoneOffset.UTC),
                OffsetDateTime.of(2030, 6, 15, 23, 59, 59, 999_999_000, ZoneOffset.ofHours(-8)));
        List<OffsetDateTime> back = roundTrip(TIMESTAMPTZ, values);
        for (int i = 0; i < values.size(); i++)
            assertEquals(values.get(i).toInstant(), back.get(i).toInstant(), "TIMESTAMP WITH TIME ZONE must keep the instant of " + values.get(i));
        List<OffsetDateTime> nulls = roundTrip(TIMESTAMPTZ, list((OffsetDateTime) null));
        assertNull(nulls.get(0));
    }

    @Test
    void bytes() {
        byte[] all = new byte[256];
        for (int i = 0; i < 256; i++) all[i] = (byte) i;
        List<byte[]> values = list(all, new byte[0], new byte[] {0}, "'\\".getBytes(java.nio.charset.StandardCharsets.UTF_8), null);
        List<byte[]> back = roundTrip(BLOB, values);
        for (int i = 0; i < values.size(); i++)
            assertArrayEquals(values.get(i), back.get(i), "bytes " + i + " must come back unchanged from " + db());
    }

    @Test
    void uuids() {
        assertRoundTrip(UUID, list(java.util.UUID.randomUUID(), new UUID(0, 0), new UUID(-1, -1)));
    }

    @Test
    void json() {
        // written in the canonical form JSONB and MySQL's JSON print back (", ", ": ", keys by length then bytes)
        assertRoundTrip(JSON, list("{\"a\": [1, 2.5, {\"b\": \"x\\\"y\\\\z\"}], \"c\": null, \"dd\": true}", "[]", "\"text 😀\"", "42"));
    }

    @Test
    void enums() {
        assertRoundTrip(enumOf(Mood.class), list(Mood.HAPPY, Mood.SAD, Mood.SO_SO));
    }

    @Test
    void convertedType() {
        assertRoundTrip(MILLIS, list(Duration.ofMillis(1), Duration.ofDays(400), Duration.ofMillis(-5)));
    }

    @Test
    void valuesCompareCorrectlyWhenBound() {
        Table t = Table.of(TestDatabases.uniqueName("tc"), Table.col("id", BIGINT, Table.Options.primaryKey()),
                Table.col("ts", TIMESTAMP), Table.col("d", DATE), Table.col("u", UUID), Table.col("m", enumOf(Mood.class)));
        create(t);
        Column<Long> id = t.column("id", Long.class);
        Column<LocalDateTime> ts = t.column("ts", LocalDateTime.class);
        Column<LocalDate> d = t.column("d", LocalDate.class);
        Column<UUID> u = t.column("u", UUID.class);
        Column<Mood> m = t.column("m", Mood.class);
        UUID key = java.util.UUID.randomUUID();
        try (Connection c = engine().connect()) {
            for (int i = 0; i < 5; i++)
                c.execute(insert(t).set(id, (long) i).set(ts, LocalDateTime.of(2024, 1, 1, 10, 0).plusNanos(i * 1_000L))
                        .set(d, LocalDate.of(2024, 1, 1).plusDays(i)).set(u, i == 3 ? key : java.util.UUID.randomUUID())
                        .set(m, Mood.values()[i % 3]));
            var ids = c.execute(select(id).where(ts.gt(LocalDateTime.of(2024, 1, 1, 10, 0, 0, 2_000))).orderBy(id)).all();
            assertEquals(List.of(3L, 4L), ids.stream().map(r -> r._1).toList(), "timestamps compare at microsecond precision");
            ids = c.execute(select(id).where(d.between(LocalDate.of(2024, 1, 2), LocalDate.of(2024, 1, 3))).orderBy(id)).all();
            assertEquals(List.of(1L, 2L), ids.stream().map(r -> r._1).toList());
            assertEquals(3L, c.execute(select(id).where(u.eq(key))).one()._1);
            ids = c.execute(select(id).where(m.eq(Mood.SAD)).orderBy(id)).all();
            assertEquals(List.of(1L, 4L), ids.stream().map(r -> r._1).toList());
        }
    }
}
