package org.athanor.mysql;

import static org.athanor.core.schema.Table.Options.*;
import static org.athanor.core.schema.Table.col;
import static org.athanor.core.sql.Sql.*;
import static org.athanor.core.type.SqlTypes.*;
import static org.junit.jupiter.api.Assertions.*;

import java.math.BigDecimal;
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
import org.athanor.core.engine.Engine;
import org.athanor.core.schema.Column;
import org.athanor.core.schema.MetaData;
import org.athanor.core.schema.Table;
import org.athanor.core.sql.Row;
import org.athanor.core.testing.TestDatabases;
import org.athanor.core.type.SqlType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every standard type written and read back exactly on the live server, bound and as literals. */
class MysqlTypesLiveTest {
    enum Color { RED, GREEN, BLUE_GREEN }

    static Engine engine;

    @BeforeAll static void connect() { engine = TestDatabases.mysql(); }

    @AfterAll static void close() { if (engine != null) engine.close(); }

    /** Creates a one-value-column table, writes each value (bound and as a literal) and reads them back in order. */
    private static <T> List<T> roundTrip(SqlType<T> type, List<T> values) {
        Table t = Table.of(TestDatabases.uniqueName("rt"), col("id", BIGINT, primaryKey(), autoincrement()), col("v", type));
        Column<Long> id = t.column("id", Long.class);
        @SuppressWarnings("unchecked") Column<T> v = (Column<T>) t.column("v");
        MetaData md = MetaData.of(t);
        md.createAll(engine);
        try (Connection c = engine.connect()) {
            for (T value : values) c.execute(insert(t).set(v, value));
            List<T> bound = c.execute(select(v).orderBy(id.asc())).all().stream().map(r -> r._1).toList();
            c.execute(deleteFrom(t));
            for (T value : values) if (value != null) c.execute(insert(t).set(v, literal(value, type)));
            List<T> literal = c.execute(select(v).orderBy(id.asc())).all().stream().map(r -> r._1).toList();
            c.commit();
            List<Object> nonNull = norm(bound.stream().filter(x -> x != null).toList());
            assertEquals(nonNull, norm(literal), "as literals");
            return bound;
        } finally {
            md.dropAll(engine);
        }
    }

    /** byte arrays compared by content. */
    private static List<Object> norm(List<?> values) {
        return values.stream().map(x -> x instanceof byte[] b ? (Object) java.util.HexFormat.of().formatHex(b) : x).toList();
    }

    private static <T> void assertRoundTrip(SqlType<T> type, List<T> values) {
        assertEquals(values, roundTrip(type, values));
    }

    @Test
    void strings() {
        List<String> values = new ArrayList<>(Arrays.asList("plain", "it's", "back\\slash", "\\", "\\'", "''", "100%", "a_b",
                "/", "//%_\\", "line\nbreak\ttab", "ünïcødé ЖЖ 中文", "emoji 😀🎉 and 𝄞", "nul\0inside", "", null));
        values.add("x".repeat(70_000));
        assertRoundTrip(TEXT, values);
        assertRoundTrip(varchar(40), List.of("it's", "back\\slash", "emoji 😀", "trailing  "));
    }

    @Test
    void integersAtTheExtremes() {
        assertRoundTrip(BIGINT, Arrays.asList(Long.MIN_VALUE, Long.MAX_VALUE, 0L, -1L, null));
        assertRoundTrip(INTEGER, Arrays.asList(Integer.MIN_VALUE, Integer.MAX_VALUE, 0, null));
        assertRoundTrip(SMALLINT, Arrays.asList(Short.MIN_VALUE, Short.MAX_VALUE, (short) 0, null));
    }

    @Test
    void decimals() {
        SqlType<BigDecimal> n = numeric(38, 10);
        assertRoundTrip(n, Arrays.asList(new BigDecimal("1234567890123456789012345678.0123456789"),
                new BigDecimal("-9999999999999999999999999999.9999999999"), new BigDecimal("0.0000000001"),
                new BigDecimal("0E-10"), null));
        assertEquals(List.of(new BigDecimal("12.500")), roundTrip(numeric(10, 3), List.of(new BigDecimal("12.5"))));
    }

    @Test
    void floatingPoint() {
        assertRoundTrip(DOUBLE, Arrays.asList(Math.PI, -Double.MAX_VALUE, Double.MIN_VALUE, 0.1 + 0.2, 1e300, -0.5, null));
        assertRoundTrip(REAL, Arrays.asList(1.5f, -3.25f, 0f, 16777216f, 0.1f, 3.4e38f, Float.MIN_VALUE, null));
    }

    @Test
    void booleansReadBackAsBoolean() {
        assertRoundTrip(BOOLEAN, Arrays.asList(true, false, null));
        Table t = Table.of(TestDatabases.uniqueName("bo"), col("b", BOOLEAN));
        MetaData md = MetaData.of(t);
        md.createAll(engine);
        try (Connection c = engine.connect()) {
            assertTrue(MysqlLive.showCreateTable(c, t.name()).contains("tinyint(1)"));
            c.execute(insert(t).set(t.column("b", Boolean.class), true));
            // the driver's own reading of TINYINT(1), as untyped queries see it
            assertEquals(Boolean.TRUE, MysqlLive.object(c, "SELECT b FROM `" + t.name() + "`"));
        } finally {
            md.dropAll(engine);
        }
    }

    @Test
    void datesAndTimesKeepMicroseconds() {
        assertRoundTrip(DATE, Arrays.asList(LocalDate.of(2024, 2, 29), LocalDate.of(1000, 1, 1), LocalDate.of(9999, 12, 31), null));
        assertRoundTrip(TIME, Arrays.asList(LocalTime.of(23, 59, 59, 999_999_000), LocalTime.of(0, 0), LocalTime.of(12, 0, 0, 1000), null));
        assertRoundTrip(TIMESTAMP, Arrays.asList(LocalDateTime.of(2024, 3, 31, 2, 30, 15, 123_456_000),
                LocalDateTime.of(1970, 1, 1, 0, 0), LocalDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_000),
                LocalDateTime.of(1000, 1, 1, 0, 0, 0, 1000), null));
    }

    /**
     * A JVM in a zone with daylight saving must not shift DATETIME values, not even wall times that
     * do not exist there (2024-03-10 02:30 in New York) or exist twice.
     */
    @Test
    void datetimesAreNotShiftedByTheJvmTimeZone() {
        java.util.TimeZone saved = java.util.TimeZone.getDefault();
        Engine previous = engine;
        try {
            java.util.TimeZone.setDefault(java.util.TimeZone.getTimeZone("America/New_York"));
            engine = TestDatabases.mysql(); // new connections pick up the JVM zone
            assertRoundTrip(TIMESTAMP, Arrays.asList(LocalDateTime.of(2024, 3, 10, 2, 30, 0, 123_456_000),
                    LocalDateTime.of(2024, 11, 3, 1, 30, 0, 1000), LocalDateTime.of(1969, 12, 31, 23, 59, 59, 999_999_000)));
            OffsetDateTime t = OffsetDateTime.of(2024, 3, 10, 7, 30, 0, 5000, ZoneOffset.UTC);
            assertRoundTrip(TIMESTAMPTZ, Arrays.asList(t));
            assertRoundTrip(DATE, Arrays.asList(LocalDate.of(2024, 3, 10), LocalDate.of(1970, 1, 1)));
            assertRoundTrip(TIME, Arrays.asList(LocalTime.of(2, 30, 0, 500_000)));
        } finally {
            engine.close();
            engine = previous;
            java.util.TimeZone.setDefault(saved);
        }
    }

    @Test
    void timestampsWithTimeZoneKeepTheInstantAndReadBackAtUtc() {
        OffsetDateTime tokyo = OffsetDateTime.of(2024, 6, 1, 9, 15, 30, 654_321_000, ZoneOffset.ofHours(9));
        OffsetDateTime la = OffsetDateTime.of(2024, 12, 31, 20, 0, 0, 1000, ZoneOffset.ofHours(-8));
        List<OffsetDateTime> back = roundTrip(TIMESTAMPTZ, Arrays.asList(tokyo, la, null));
        assertEquals(Arrays.asList(tokyo.withOffsetSameInstant(ZoneOffset.UTC), la.withOffsetSameInstant(ZoneOffset.UTC), null), back);
        assertEquals(tokyo.toInstant(), back.get(0).toInstant());
    }

    @Test
    void bytesUuidJsonEnums() {
        byte[] all = new byte[256];
        for (int i = 0; i < 256; i++) all[i] = (byte) i;
        List<byte[]> bytes = roundTrip(BYTES, Arrays.asList(all, new byte[0], "\\'\0".getBytes(), null));
        assertArrayEquals(all, bytes.get(0));
        assertArrayEquals(new byte[0], bytes.get(1));
        assertArrayEquals("\\'\0".getBytes(), bytes.get(2));
        assertNull(bytes.get(3));
        assertRoundTrip(UUID, Arrays.asList(java.util.UUID.randomUUID(), new UUID(0, 0), null));
        assertRoundTrip(JSON, Arrays.asList("{\"a\": [1, 2, \"x\\\\y\"], \"b\": null}", "[]", null));
        assertRoundTrip(enumOf(Color.class), Arrays.asList(Color.RED, Color.BLUE_GREEN, null));
    }

    @Test
    void nativeEnumRejectsUnknownNames() {
        Table t = Table.of(TestDatabases.uniqueName("en"), col("c", enumOf(Color.class)));
        MetaData md = MetaData.of(t);
        md.createAll(engine);
        try (Connection c = engine.connect()) {
            String ddl = MysqlLive.showCreateTable(c, t.name());
            assertTrue(ddl.contains("enum('RED','GREEN','BLUE_GREEN')"), ddl);
            assertThrows(org.athanor.core.error.DataError.class,
                    () -> c.execute(text("INSERT INTO " + engine.dialect().quoteIdentifier(t.name()) + " VALUES ('PURPLE')")));
        } finally {
            md.dropAll(engine);
        }
    }
}
