package org.athanor.postgres;

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
import org.athanor.core.error.IntegrityError;
import org.athanor.core.schema.MetaData;
import org.athanor.core.sql.Row;
import org.athanor.core.testing.TestDatabases;
import org.athanor.core.type.SqlTypes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every type round-trips exactly through a live PostgreSQL. */
class PostgresTypesTest {
    private static Engine engine;
    private static AllTypes T;
    private static MetaData md;

    @BeforeAll
    static void setUp() {
        engine = TestDatabases.postgres();
        T = new AllTypes(TestDatabases.uniqueName("pg_types"));
        md = MetaData.of(T);
        md.createAll(engine);
    }

    @AfterAll
    static void tearDown() {
        TestDatabases.dropAndClose(engine, md);
    }

    @BeforeEach
    void clear() { engine.inTransaction(c -> { c.execute(deleteFrom(T)); }); }

    private static Row roundTrip(org.athanor.core.sql.Insert insert) {
        try (Connection c = engine.connect()) {
            long id = c.insertReturningKeys(insert, T.ID).get(0);
            c.commit();
            return c.execute(selectFrom(T).where(T.ID.eq(id))).one();
        }
    }

    @Test
    void everyTypeAtItsInterestingValues() {
        byte[] allBytes = new byte[256];
        for (int i = 0; i < 256; i++) allBytes[i] = (byte) i;
        UUID token = UUID.randomUUID();
        BigDecimal amount = new BigDecimal("1234567890123456789012345678.0123456789");
        OffsetDateTime stampTz = OffsetDateTime.of(2024, 2, 29, 23, 59, 59, 123_456_000, ZoneOffset.ofHours(5));
        LocalDateTime stamp = LocalDateTime.of(1999, 12, 31, 23, 59, 59, 999_999_000);
        String doc = "{\"a\": [1, 2.5, {\"b\": null}], \"s\": \"quote \\\" and \\\\ backslash\"}";
        String name = "O'Hara \\ 100% _x_ \u00e9\u6f22\ud83d\ude00";

        Row r = roundTrip(insert(T).set(T.SMALL, Short.MIN_VALUE).set(T.INT, Integer.MAX_VALUE).set(T.BIG, Long.MIN_VALUE)
                .set(T.FLAG, true).set(T.NAME, name).set(T.BODY, "line1\nline2\ttab").set(T.AMOUNT, amount)
                .set(T.RATIO, Float.MAX_VALUE).set(T.SCORE, Double.MIN_VALUE).set(T.DAY, LocalDate.of(1, 1, 1))
                .set(T.AT, LocalTime.of(23, 59, 59, 999_999_000)).set(T.STAMP, stamp).set(T.STAMP_TZ, stampTz)
                .set(T.TOKEN, token).set(T.DATA, allBytes).set(T.DOC, doc).set(T.MOOD, AllTypes.Mood.SO_SO));

        assertEquals(Short.MIN_VALUE, r.get(T.SMALL));
        assertEquals(Integer.MAX_VALUE, r.get(T.INT));
        assertEquals(Long.MIN_VALUE, r.get(T.BIG));
        assertEquals(Boolean.TRUE, r.get(T.FLAG));
        assertEquals(name, r.get(T.NAME));
        assertEquals("line1\nline2\ttab", r.get(T.BODY));
        assertEquals(amount, r.get(T.AMOUNT), "NUMERIC(38, 10) keeps every digit and the scale");
        assertEquals(Float.MAX_VALUE, r.get(T.RATIO));
        assertEquals(Double.MIN_VALUE, r.get(T.SCORE));
        assertEquals(LocalDate.of(1, 1, 1), r.get(T.DAY));
        assertEquals(LocalTime.of(23, 59, 59, 999_999_000), r.get(T.AT));
        assertEquals(stamp, r.get(T.STAMP));
        assertTrue(stampTz.isEqual(r.get(T.STAMP_TZ)), "same instant: " + r.get(T.STAMP_TZ));
        assertEquals(stampTz.withOffsetSameInstant(ZoneOffset.UTC), r.get(T.STAMP_TZ), "read back in UTC with microseconds");
        assertEquals(token, r.get(T.TOKEN));
        assertArrayEquals(allBytes, r.get(T.DATA));
        assertEquals(doc, r.get(T.DOC));
        assertEquals(AllTypes.Mood.SO_SO, r.get(T.MOOD));
    }

    @Test
    void otherExtremes() {
        Row r = roundTrip(insert(T).set(T.SMALL, Short.MAX_VALUE).set(T.INT, Integer.MIN_VALUE).set(T.BIG, Long.MAX_VALUE)
                .set(T.FLAG, false).set(T.AMOUNT, new BigDecimal("-0.0000000001")).set(T.SCORE, Double.NaN)
                .set(T.RATIO, Float.NEGATIVE_INFINITY).set(T.NAME, ""));
        assertEquals(Short.MAX_VALUE, r.get(T.SMALL));
        assertEquals(Integer.MIN_VALUE, r.get(T.INT));
        assertEquals(Long.MAX_VALUE, r.get(T.BIG));
        assertEquals(Boolean.FALSE, r.get(T.FLAG));
        assertEquals(new BigDecimal("-0.0000000001"), r.get(T.AMOUNT));
        assertTrue(r.get(T.SCORE).isNaN());
        assertEquals(Float.NEGATIVE_INFINITY, r.get(T.RATIO));
        assertEquals("", r.get(T.NAME), "PostgreSQL keeps the empty string apart from NULL");
    }

    @Test
    void nullsOfEveryType() {
        Row r = roundTrip(insert(T).set(T.NAME, (String) null).set(T.TOKEN, (UUID) null).set(T.DOC, (String) null)
                .set(T.STAMP_TZ, (OffsetDateTime) null).set(T.DATA, (byte[]) null).set(T.MOOD, (AllTypes.Mood) null)
                .set(T.FLAG, (Boolean) null).set(T.AMOUNT, (BigDecimal) null));
        List<Object> values = r.toList();
        assertNotNull(values.get(0));
        for (int i = 1; i < values.size(); i++) assertNull(values.get(i), "column " + T.columns().get(i).name());
    }

    @Test
    void uuidAndJsonCompareNatively() {
        UUID token = UUID.randomUUID();
        roundTrip(insert(T).set(T.TOKEN, token).set(T.DOC, "{\"k\": \"v\"}"));
        try (Connection c = engine.connect()) {
            assertEquals(1L, (Long) c.execute(select(count()).from(T).where(T.TOKEN.eq(token))).scalar(), "uuid = uuid parameter");
            assertEquals("object", c.execute(select(func("jsonb_typeof", SqlTypes.TEXT, T.DOC)).from(T)).scalar());
            assertEquals(1L, (Long) c.execute(select(count()).from(T).where(T.DOC.eq("{\"k\":\"v\"}"))).scalar(),
                    "a JSON parameter is compared as jsonb, so whitespace does not matter");
        }
    }

    @Test
    void enumCheckIsEnforced() {
        try (Connection c = engine.connect()) {
            IntegrityError e = assertThrows(IntegrityError.class,
                    () -> c.execute(text("INSERT INTO " + T.name() + " (mood) VALUES ('ANGRY')")).all());
            assertEquals("23514", e.sqlState());
        }
    }

    @Test
    void literalsRenderedByTheDialectReadBackExactly() {
        byte[] bytes = {0, 1, (byte) 0x80, (byte) 0xff, '\'', '\\'};
        String s = "it's a \\ backslash";
        try (Connection c = engine.connect()) {
            assertArrayEquals(bytes, c.scalar(select(literal(bytes))));
            assertEquals(s, c.execute(select(literal(s))).scalar());
            assertTrue(((Double) c.execute(select(literal(Double.NaN))).scalar()).isNaN());
            assertEquals(Boolean.TRUE, c.execute(select(literal(true))).scalar());
            UUID u = UUID.randomUUID();
            assertEquals(u, c.execute(select(cast(literal(u.toString()), SqlTypes.UUID))).scalar());
        }
    }

    @Test
    void tableAndColumnComments() {
        try (Connection c = engine.connect()) {
            var table = func("to_regclass", SqlTypes.TEXT, param(T.name()));
            var comments = select(func("obj_description", SqlTypes.TEXT, table, literal("pg_class")),
                    func("col_description", SqlTypes.TEXT, table, literal(T.BODY.position() + 1)));
            var r = c.execute(comments).one();
            assertEquals("every type", r._1);
            assertEquals("free text; it's long", r._2);
        }
    }
}
