package org.athanor.core.compliance;

import static org.athanor.core.sql.Sql.*;
import static org.athanor.core.type.SqlTypes.*;
import static org.junit.jupiter.api.Assertions.*;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.athanor.core.engine.Connection;
import org.athanor.core.engine.Engine;
import org.athanor.core.error.AthanorException;
import org.athanor.core.error.DataError;
import org.athanor.core.schema.Column;
import org.athanor.core.schema.MetaData;
import org.athanor.core.schema.Table;
import org.athanor.core.testing.TestDatabases;
import org.athanor.core.type.SqlType;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Values round-trip exactly through insert and select, on every database: arbitrary strings
 * (quotes, backslashes, LIKE wildcards, emoji, long ones), longs, finite doubles, BigDecimals at the
 * precision the database keeps, byte arrays and timestamps. NUL characters and NaN/Infinity either
 * round-trip or fail with a clear error; they are never silently changed.
 *
 * <p>Each try inserts one row and reads it back in the same transaction, which is then rolled back.
 */
public abstract class RoundTripSuite extends PropertySuite {
    static final class Values extends Table {
        final Column<Long> ID = column("id", BIGINT, primaryKey());
        final Column<String> S = column("s", TEXT);
        final Column<Long> L = column("l", BIGINT);
        final Column<Double> D = column("d", DOUBLE);
        final Column<BigDecimal> N;
        final Column<byte[]> B = column("b", BLOB);
        final Column<LocalDateTime> TS = column("ts", TIMESTAMP);
        final Column<OffsetDateTime> TZ = column("tz", TIMESTAMPTZ);
        Values(String name, SqlType<BigDecimal> numeric) {
            super(name);
            N = column("n", numeric);
        }
    }

    @Override
    protected Object createState(Engine engine) {
        Values v = new Values(TestDatabases.uniqueName("rt"), numericType(engine.dialect().features().exactNumeric()));
        MetaData.of(v).createAll(engine);
        return v;
    }

    @Override protected MetaData metadataOf(Object state) { return MetaData.of((Values) state); }

    /** NUMERIC(38,10) where every digit is kept; 15 significant digits where NUMERIC is a double. */
    private static SqlType<BigDecimal> numericType(boolean exact) { return exact ? numeric(38, 10) : numeric(15, 4); }

    private <T> T roundTrip(Column<T> column, T value) {
        Values v = state();
        try (Connection c = engine().connect()) {
            long id = NEXT_ID.incrementAndGet();
            c.execute(insert(v).set(v.ID, id).set(column, value));
            return c.execute(select(column).where(v.ID.eq(id))).one()._1;
        }
    }

    private Values values() { return state(); }

    // ---- strings -------------------------------------------------------------------------------------

    /** Code points that stress quoting and encodings; never NUL and never a lone surrogate. */
    static Arbitrary<Integer> codePoints() {
        return Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.integers().between(0x20, 0x7e)),
                Tuple.of(4, Arbitraries.of((int) '\'', (int) '"', (int) '\\', (int) '%', (int) '_', (int) '/', (int) '?',
                        (int) ':', (int) '\n', (int) '\t', (int) '\r', 0x01, 0x1f, 0x7f)),
                Tuple.of(2, Arbitraries.integers().between(0xa0, 0xd7ff)),
                Tuple.of(1, Arbitraries.integers().between(0xe000, 0xfffd)),
                Tuple.of(2, Arbitraries.integers().between(0x1f300, 0x1faff)),
                Tuple.of(1, Arbitraries.integers().between(0x10000, 0x10fffd)));
    }

    static String fromCodePoints(List<Integer> cps) {
        StringBuilder b = new StringBuilder(cps.size() + 8);
        for (int cp : cps) b.appendCodePoint(cp);
        return b.toString();
    }

    @Provide
    Arbitrary<String> texts() {
        // long strings stay under 64 KiB of UTF-8 (16,000 code points of at most 4 bytes): a TEXT
        // column everywhere holds that much; longer values are TypeSuite's "round trip or DataError"
        return Arbitraries.frequencyOf(
                Tuple.of(9, codePoints().list().ofMaxSize(60).map(RoundTripSuite::fromCodePoints)),
                Tuple.of(1, codePoints().list().ofMinSize(1_000).ofMaxSize(16_000).map(RoundTripSuite::fromCodePoints)));
    }

    @Property(tries = 100)
    void stringsRoundTrip(@ForAll("texts") String s) {
        assertEquals(s, roundTrip(values().S, s), "string on " + db());
    }

    @Provide
    Arbitrary<String> textsWithNul() {
        return Combinators.combine(codePoints().list().ofMaxSize(30), Arbitraries.integers().between(0, 30))
                .as((cps, at) -> {
                    List<Integer> withNul = new java.util.ArrayList<>(cps);
                    withNul.add(Math.min(at, withNul.size()), 0);
                    return fromCodePoints(withNul);
                });
    }

    /** NUL (0x00) either round-trips or is refused with a DataError (PostgreSQL's text cannot hold it). */
    @Property(tries = 30)
    void stringsWithNulRoundTripOrFailClearly(@ForAll("textsWithNul") String s) {
        String back;
        try {
            back = roundTrip(values().S, s);
        } catch (AthanorException e) {
            assertInstanceOf(DataError.class, e, "a NUL character " + db() + " cannot store must be a DataError: " + e);
            return;
        }
        assertEquals(s, back, db() + " silently changed a string holding NUL");
    }

    // ---- numbers -------------------------------------------------------------------------------------

    @Property(tries = 100)
    void longsRoundTrip(@ForAll long l) {
        assertEquals(l, roundTrip(values().L, l));
    }

    @Provide
    Arbitrary<Double> finiteDoubles() {
        // any bit pattern that is a finite, normal double (MySQL documents no subnormal DOUBLE range)
        Arbitrary<Double> bits = Arbitraries.longs().map(Double::longBitsToDouble)
                .filter(d -> Double.isFinite(d) && (d == 0 || Math.abs(d) >= Double.MIN_NORMAL));
        return Arbitraries.frequencyOf(
                Tuple.of(6, bits),
                Tuple.of(2, Arbitraries.doubles().between(-1e6, 1e6).ofScale(6)),
                Tuple.of(1, Arbitraries.of(0.0, 1.0, -1.0, 0.1, 1e15 + 0.3, Math.PI, Double.MAX_VALUE, -Double.MAX_VALUE,
                        Double.MIN_NORMAL, -Double.MIN_NORMAL)));
    }

    @Property(tries = 100)
    void doublesRoundTrip(@ForAll("finiteDoubles") double d) {
        Double back = roundTrip(values().D, d);
        assertNotNull(back);
        // numerically equal: SQL has no negative zero, so -0.0 may come back as 0.0
        assertEquals(d, back, 0.0, "double " + d + " (bits " + Long.toHexString(Double.doubleToLongBits(d)) + ") on " + db());
    }

    /** NaN and the infinities: exact where the database stores them, a clear error where it cannot. */
    @Example
    void nonFiniteDoublesRoundTripOrFailClearly() {
        for (double d : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
            Double back;
            try {
                back = roundTrip(values().D, d);
            } catch (AthanorException e) {
                assertInstanceOf(DataError.class, e, db() + " cannot store " + d + ": that is a DataError, got " + e);
                continue;
            }
            assertNotNull(back, db() + " turned " + d + " into NULL");
            assertEquals(Double.doubleToLongBits(d), Double.doubleToLongBits(back), db() + " changed " + d + " into " + back);
        }
    }

    @Provide
    Arbitrary<BigDecimal> decimals() {
        if (features().exactNumeric()) {
            BigInteger max = BigInteger.TEN.pow(38).subtract(BigInteger.ONE);
            return Arbitraries.frequencyOf(
                    Tuple.of(3, Arbitraries.bigIntegers().between(max.negate(), max).map(u -> new BigDecimal(u, 10))),
                    Tuple.of(2, Arbitraries.longs().map(u -> BigDecimal.valueOf(u, 10))),
                    Tuple.of(1, Arbitraries.integers().map(BigDecimal::valueOf)));
        }
        long max = 999_999_999_999_999L; // 15 significant digits
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.longs().between(-max, max).map(u -> BigDecimal.valueOf(u, 4))),
                Tuple.of(1, Arbitraries.integers().between(-99_999, 99_999).map(BigDecimal::valueOf)));
    }

    @Property(tries = 100)
    void decimalsRoundTrip(@ForAll("decimals") BigDecimal n) {
        BigDecimal back = roundTrip(values().N, n);
        assertNotNull(back);
        assertEquals(0, n.compareTo(back), n + " came back from " + db() + " as " + back);
    }

    // ---- bytes and time ---------------------------------------------------------------------------------

    @Property(tries = 100)
    void bytesRoundTrip(@ForAll("byteArrays") byte[] b) {
        assertArrayEquals(b, roundTrip(values().B, b), "bytes on " + db());
    }

    @Provide
    Arbitrary<byte[]> byteArrays() { return Arbitraries.bytes().array(byte[].class).ofMaxSize(3_000); }

    @Provide
    Arbitrary<LocalDateTime> timestamps() {
        long from = LocalDateTime.of(1900, 1, 1, 0, 0).toEpochSecond(ZoneOffset.UTC);
        long to = LocalDateTime.of(2199, 12, 31, 23, 59, 59).toEpochSecond(ZoneOffset.UTC);
        return Combinators.combine(Arbitraries.longs().between(from, to), Arbitraries.integers().between(0, 999_999))
                .as((s, us) -> LocalDateTime.ofEpochSecond(s, us * 1_000, ZoneOffset.UTC));
    }

    @Property(tries = 100)
    void timestampsRoundTripWithMicroseconds(@ForAll("timestamps") LocalDateTime ts) {
        assertEquals(ts, roundTrip(values().TS, ts), "timestamp on " + db());
    }

    @Provide
    Arbitrary<OffsetDateTime> instants() {
        // 1970..2037: the range every database's zoned timestamp type holds (MySQL's TIMESTAMP ends in 2038)
        long from = 1, to = LocalDateTime.of(2037, 12, 31, 0, 0).toEpochSecond(ZoneOffset.UTC);
        return Combinators.combine(Arbitraries.longs().between(from, to), Arbitraries.integers().between(0, 999_999),
                        Arbitraries.integers().between(-14 * 60, 14 * 60))
                .as((s, us, minutes) -> LocalDateTime.ofEpochSecond(s, us * 1_000, ZoneOffset.UTC).atOffset(ZoneOffset.UTC)
                        .withOffsetSameInstant(ZoneOffset.ofTotalSeconds(minutes * 60)));
    }

    @Property(tries = 100)
    void timestampsWithTimeZoneKeepTheInstant(@ForAll("instants") OffsetDateTime t) {
        OffsetDateTime back = roundTrip(values().TZ, t);
        assertNotNull(back);
        assertEquals(t.toInstant(), back.toInstant(), t + " came back from " + db() + " as " + back);
    }
}
