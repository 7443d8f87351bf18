package org.athanor.core.compliance;

import static org.athanor.core.sql.Sql.*;
import static org.athanor.core.type.SqlTypes.*;
import static org.junit.jupiter.api.Assertions.*;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiPredicate;
import java.util.function.Function;
import org.athanor.core.engine.Connection;
import org.athanor.core.engine.Engine;
import org.athanor.core.error.AthanorException;
import org.athanor.core.error.DataError;
import org.athanor.core.schema.Column;
import org.athanor.core.schema.MetaData;
import org.athanor.core.schema.Table;
import org.athanor.core.sql.Insert;
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
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * Issue 17, "silent value changes": over every Core write path (a single INSERT, insertMany,
 * executeMany, insertRows, which is the column-array insert on PostgreSQL, and UPDATE) and for
 * every standard type, each value written comes back equal, comes back with a change the database documents
 * ({@link Fidelity}: truncated sub-microseconds, -0.0 as 0.0, NUMERIC rounded to its scale), or
 * is refused with a {@link DataError}. Never changed silently, never refused as anything else.
 *
 * <p>The generators lean on edges: float and double extremes, subnormals, NaN, ±Infinity, -0.0,
 * lone and paired surrogates, NUL, long and unicode strings, years -4712 to 200000, times with
 * nanoseconds, LocalTime.MAX, local times in DST gaps and overlaps turned into offsets.
 *
 * <p>A dialect module runs it by subclassing with its engine and its {@link Fidelity}.
 */
public abstract class ValueRoundTripSuite extends PropertySuite {

    /** The documented changes and refusals of the database under test. */
    protected abstract Fidelity fidelity();

    static final int VARCHAR_LENGTH = 8;

    static final class Vals extends Table {
        final Column<Long> ID = column("id", BIGINT, primaryKey());
        final Column<String> S = column("s", TEXT);
        final Column<Short> SM = column("sm", SMALLINT);
        final Column<Integer> I = column("i", INTEGER);
        final Column<Long> L = column("l", BIGINT);
        final Column<Boolean> BO = column("bo", BOOLEAN);
        final Column<Float> R = column("r", REAL);
        final Column<Double> D = column("d", DOUBLE);
        final Column<BigDecimal> N;
        final Column<byte[]> B = column("b", BLOB);
        final Column<LocalDate> DT = column("dt", DATE);
        final Column<LocalTime> T = column("t", TIME);
        final Column<LocalDateTime> TS = column("ts", TIMESTAMP);
        final Column<OffsetDateTime> TZ = column("tz", TIMESTAMPTZ);
        final Column<UUID> U = column("u", UUID_TYPE);
        final Column<String> V = column("v", varchar(VARCHAR_LENGTH));
        final Column<java.time.Instant> IN = column("ins", TIMESTAMPTZ_INSTANT);
        Vals(String name, SqlType<BigDecimal> numeric) {
            super(name);
            N = column("n", numeric);
        }
    }

    @Override
    protected Object createState(Engine engine) {
        boolean exact = engine.dialect().features().exactNumeric();
        Vals v = new Vals(TestDatabases.uniqueName("vrt"), exact ? numeric(38, 10) : numeric(15, 4));
        MetaData.of(v).createAll(engine);
        return v;
    }

    @Override protected MetaData metadataOf(Object state) { return MetaData.of((Vals) state); }

    private Vals vals() { return state(); }

    // ---- the contract ----------------------------------------------------------------------------------

    /** What must come back for a value: {@code value} (possibly a documented change), or a DataError when {@code refused}. */
    record Expect<T>(boolean refused, T value) {
        static <T> Expect<T> kept(T v) { return new Expect<>(false, v); }
        static <T> Expect<T> refusal() { return new Expect<>(true, null); }
    }

    /** One column and its rules: the values to try, what each must come back as, and what "equal" means. */
    record Kind<T>(String name, Function<Vals, Column<T>> column, Function<ValueRoundTripSuite, Arbitrary<T>> values,
                   java.util.function.BiFunction<ValueRoundTripSuite, T, Expect<T>> expect, BiPredicate<T, T> same) {}

    /** The ways rows are written. */
    enum WritePath { SINGLE, INSERT_MANY, EXECUTE_MANY, INSERT_ROWS, UPDATE }

    record Case(Kind<Object> kind, List<Object> values, WritePath path) {
        @Override public String toString() {
            List<String> shown = new ArrayList<>();
            for (Object v : values) shown.add(show(v));
            return kind.name() + " via " + path + ": " + shown;
        }
    }

    static String show(Object v) {
        if (v instanceof byte[] b) return "bytes[" + b.length + "]";
        if (v instanceof Double d) return d + " (bits " + Long.toHexString(Double.doubleToRawLongBits(d)) + ")";
        if (v instanceof Float f) return f + "f (bits " + Integer.toHexString(Float.floatToRawIntBits(f)) + ")";
        if (v instanceof String s) {
            StringBuilder b = new StringBuilder("\"");
            s.codePoints().limit(40).forEach(cp -> {
                if (cp < 0x20 || (cp >= 0xD800 && cp <= 0xDFFF)) b.append(String.format("\\u%04X", cp));
                else b.appendCodePoint(cp);
            });
            return b.append(s.length() > 40 ? "...\" (" + s.length() + " chars)" : "\"").toString();
        }
        return String.valueOf(v);
    }

    // ---- per-type rules ----------------------------------------------------------------------------------

    static boolean isWellFormed(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) i++;
            else if (Character.isSurrogate(c)) return false;
        }
        return true;
    }

    static Expect<String> text(Fidelity f, String s) {
        if (!isWellFormed(s) || (!f.nulInText() && s.indexOf('\0') >= 0)) return Expect.refusal();
        return Expect.kept(s);
    }

    /** VARCHAR(n): the text rules, then the length (in characters, that is code points). */
    static Expect<String> varcharRule(Fidelity f, String s) {
        Expect<String> e = text(f, s);
        if (e.refused() || f.varcharCuts() == null) return e;
        int n = s.codePointCount(0, s.length());
        if (n <= VARCHAR_LENGTH) return e;
        String kept = s.substring(0, s.offsetByCodePoints(0, VARCHAR_LENGTH));
        return s.substring(kept.length()).chars().allMatch(c -> f.varcharCuts().indexOf(c) >= 0) ? Expect.kept(kept) : Expect.refusal();
    }

    static Expect<Double> dbl(Fidelity f, Double d) {
        if (d.isNaN() && !f.nanKept() || d.isInfinite() && !f.infinityKept()) return Expect.refusal();
        if (!f.negativeZeroKept() && Double.doubleToRawLongBits(d) == Double.doubleToRawLongBits(-0.0)) return Expect.kept(0.0);
        return Expect.kept(d);
    }

    static Expect<Float> flt(Fidelity f, Float x) {
        if (x.isNaN() && !f.nanKept() || x.isInfinite() && !f.infinityKept()) return Expect.refusal();
        if (!f.negativeZeroKept() && Float.floatToRawIntBits(x) == Float.floatToRawIntBits(-0.0f)) return Expect.kept(0.0f);
        return Expect.kept(x);
    }

    static LocalTime truncate(Fidelity f, LocalTime t) {
        if (t.equals(LocalTime.MAX) && f.timeMaxKept()) return t;
        return t.minusNanos(t.getNano() % f.timeUnitNanos());
    }

    static boolean yearIn(Fidelity f, int year, int max) { return year >= f.minYear() && year <= max; }

    /** The day exists in the database's calendar (see {@link Fidelity#yearZeroIsLeap()}). */
    static boolean dayIn(Fidelity f, LocalDate d) {
        return f.yearZeroIsLeap() || d.getYear() != 0 || d.getMonthValue() != 2 || d.getDayOfMonth() != 29;
    }

    static Expect<LocalDate> date(Fidelity f, LocalDate d) {
        return yearIn(f, d.getYear(), f.maxDateYear()) && dayIn(f, d) ? Expect.kept(d) : Expect.refusal();
    }

    static Expect<LocalDateTime> timestamp(Fidelity f, LocalDateTime t) {
        if (!yearIn(f, t.getYear(), f.maxTimestampYear()) || !dayIn(f, t.toLocalDate())) return Expect.refusal();
        return Expect.kept(t.minusNanos(t.getNano() % f.timeUnitNanos()));
    }

    static Expect<OffsetDateTime> zoned(Fidelity f, OffsetDateTime t) {
        OffsetDateTime utc = t.withOffsetSameInstant(ZoneOffset.UTC);
        if (!yearIn(f, utc.getYear(), f.maxTimestampYear()) || !dayIn(f, utc.toLocalDate())) return Expect.refusal();
        return Expect.kept(t.minusNanos(t.getNano() % f.timeUnitNanos()));
    }

    Expect<BigDecimal> decimal(BigDecimal n) {
        SqlType<?> type = vals().N.type();
        BigDecimal rounded = n.setScale(type.scale(), RoundingMode.HALF_UP); // documented: NUMERIC(p, s) rounds half up
        if (rounded.precision() - rounded.scale() > type.precision() - type.scale()) return Expect.refusal();
        return Expect.kept(rounded);
    }

    static <T> BiPredicate<T, T> equal() { return Objects::equals; }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Kind<Object> kind(String name, Function<Vals, ? extends Column<?>> column,
                                     Function<ValueRoundTripSuite, ? extends Arbitrary<?>> values,
                                     java.util.function.BiFunction<ValueRoundTripSuite, ?, ? extends Expect<?>> expect, BiPredicate<?, ?> same) {
        return new Kind(name, column, values, expect, same);
    }

    /** Every type the suite covers; the order is the shrinking order (earlier kinds are simpler). */
    private final List<Kind<Object>> kinds = List.of(
            kind("BIGINT", v -> v.L, s -> s.longs(), (ValueRoundTripSuite s, Long x) -> Expect.kept(x), equal()),
            kind("INTEGER", v -> v.I, s -> Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.integers()),
                    Tuple.of(1, Arbitraries.of(Integer.MIN_VALUE, Integer.MAX_VALUE, 0, -1))), (ValueRoundTripSuite s, Integer x) -> Expect.kept(x), equal()),
            kind("SMALLINT", v -> v.SM, s -> Arbitraries.shorts(), (ValueRoundTripSuite s, Short x) -> Expect.kept(x), equal()),
            kind("BOOLEAN", v -> v.BO, s -> Arbitraries.of(true, false), (ValueRoundTripSuite s, Boolean x) -> Expect.kept(x), equal()),
            kind("TEXT", v -> v.S, ValueRoundTripSuite::texts, (ValueRoundTripSuite s, String x) -> text(s.fidelity(), x), equal()),
            kind("REAL", v -> v.R, s -> s.floats(), (ValueRoundTripSuite s, Float x) -> flt(s.fidelity(), x),
                    (Float a, Float b) -> a != null && b != null && Float.floatToRawIntBits(a) == Float.floatToRawIntBits(b)),
            kind("DOUBLE", v -> v.D, s -> s.doubles(), (ValueRoundTripSuite s, Double x) -> dbl(s.fidelity(), x),
                    (Double a, Double b) -> a != null && b != null && Double.doubleToRawLongBits(a) == Double.doubleToRawLongBits(b)),
            kind("NUMERIC", v -> v.N, s -> s.decimals(), (ValueRoundTripSuite s, BigDecimal x) -> s.decimal(x), 
                    (BigDecimal a, BigDecimal b) -> a != null && b != null && a.compareTo(b) == 0),
            kind("BLOB", v -> v.B, s -> s.bytes(), (ValueRoundTripSuite s, byte[] x) -> Expect.kept(x), (byte[] a, byte[] b) -> Arrays.equals(a, b)),
            kind("DATE", v -> v.DT, s -> s.dates(), (ValueRoundTripSuite s, LocalDate x) -> date(s.fidelity(), x), equal()),
            kind("TIME", v -> v.T, s -> s.times(), (ValueRoundTripSuite s, LocalTime x) -> Expect.kept(truncate(s.fidelity(), x)), equal()),
            kind("TIMESTAMP", v -> v.TS, s -> s.timestamps(), (ValueRoundTripSuite s, LocalDateTime x) -> timestamp(s.fidelity(), x), equal()),
            // the instant is kept; the offset is the database's (UTC on SQLite and MariaDB, the session's zone on PostgreSQL)
            kind("TIMESTAMPTZ", v -> v.TZ, s -> s.zonedTimes(), (ValueRoundTripSuite s, OffsetDateTime x) -> zoned(s.fidelity(), x),
                    (OffsetDateTime a, OffsetDateTime b) -> a != null && b != null && a.toInstant().equals(b.toInstant())),
            kind("VARCHAR(8)", v -> v.V, s -> s.shortTexts(), (ValueRoundTripSuite s, String x) -> varcharRule(s.fidelity(), x), equal()),
            kind("TIMESTAMPTZ_INSTANT", v -> v.IN, s -> s.zonedTimes().map(OffsetDateTime::toInstant),
                    (ValueRoundTripSuite s, java.time.Instant x) -> {
                        Expect<OffsetDateTime> e = zoned(s.fidelity(), x.atOffset(ZoneOffset.UTC));
                        return e.refused() ? Expect.refusal() : Expect.kept(e.value().toInstant());
                    }, equal()),
            kind("UUID", v -> v.U, s -> Arbitraries.frequencyOf(Tuple.of(4, Arbitraries.create(java.util.UUID::randomUUID)),
                    Tuple.of(1, Arbitraries.of(new UUID(0, 0), new UUID(-1, -1)))), (ValueRoundTripSuite s, UUID x) -> Expect.kept(x), equal()));

    // ---- generators --------------------------------------------------------------------------------------

    Arbitrary<Long> longs() {
        return Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.longs()), Tuple.of(1, Arbitraries.of(Long.MIN_VALUE, Long.MAX_VALUE, 0L, -1L)));
    }

    static final List<String> EDGE_TEXTS = List.of("", " ", "a ", "\uD800", "\uDFFF", "a\uD83Db", "\uDE00\uD83D", "x\uDBFF",
            "\uD83D\uDE00", "\u0000", "\u0000'", "a\u0000b", "\uFFFF\uFFFE", "\u00e9\u0301", "\u202e\u200b", "\\'\"%_");

    Arbitrary<String> texts() {
        Arbitrary<String> loneSurrogateInside = Combinators.combine(RoundTripSuite.codePoints().list().ofMaxSize(20),
                Arbitraries.chars().range('\uD800', '\uDFFF'), Arbitraries.integers().between(0, 20)).as((cps, sur, at) -> {
                    String s = RoundTripSuite.fromCodePoints(cps);
                    int i = Math.min(at, s.length());
                    if (i > 0 && Character.isHighSurrogate(s.charAt(i - 1))) i--; // never split a pair
                    return s.substring(0, i) + sur + s.substring(i);
                });
        return Arbitraries.frequencyOf(
                Tuple.of(6, RoundTripSuite.codePoints().list().ofMaxSize(40).map(RoundTripSuite::fromCodePoints)),
                Tuple.of(3, Arbitraries.of(EDGE_TEXTS)),
                Tuple.of(2, loneSurrogateInside),
                Tuple.of(1, RoundTripSuite.codePoints().list().ofMinSize(2_000).ofMaxSize(12_000).map(RoundTripSuite::fromCodePoints)));
    }

    Arbitrary<String> shortTexts() {
        return Arbitraries.frequencyOf(
                Tuple.of(5, RoundTripSuite.codePoints().list().ofMaxSize(12).map(RoundTripSuite::fromCodePoints)),
                Tuple.of(2, Arbitraries.of("12345678", "1234567 ", "12345678 ", "1234 \u0000", "abc       ", " ", "12345678 \t\r\n",
                        "12345678\u00a0", "12345678\u3000", "12345678 x", "\uD83D\uDE00234567\uD83D\uDE00",
                        "\uD83D\uDE002345678", "a\uD800", "12345678\t", "123456789")),
                Tuple.of(1, Arbitraries.of(EDGE_TEXTS)));
    }

    Arbitrary<Float> floats() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.integers().map(Float::intBitsToFloat).filter(x -> !x.isNaN())),
                Tuple.of(2, Arbitraries.of(Float.MAX_VALUE, -Float.MAX_VALUE, Float.MIN_VALUE, -Float.MIN_VALUE, Float.MIN_NORMAL,
                        0.0f, -0.0f, 0.1f, 16_777_217f, Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 1e-40f)));
    }

    Arbitrary<Double> doubles() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.longs().map(Double::longBitsToDouble).filter(x -> !x.isNaN())),
                Tuple.of(2, Arbitraries.of(Double.MAX_VALUE, -Double.MAX_VALUE, Double.MIN_NORMAL, -Double.MIN_NORMAL, Double.MIN_VALUE,
                        -Double.MIN_VALUE, 1e-310, 0.0, -0.0, 0.1,
                        (double) Float.MAX_VALUE, 9_007_199_254_740_993.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY)));
    }

    Arbitrary<BigDecimal> decimals() {
        SqlType<?> type = vals().N.type();
        int integerDigits = type.precision() - type.scale();
        BigInteger max = BigInteger.TEN.pow(type.precision()).subtract(BigInteger.ONE);
        BigDecimal top = new BigDecimal(max, type.scale());
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.bigIntegers().between(max.negate(), max).map(u -> new BigDecimal(u, type.scale()))),
                // more decimals than the scale: rounded half up (documented)
                Tuple.of(2, Arbitraries.bigIntegers().between(max.negate(), max).map(u -> new BigDecimal(u, type.scale() + 3))),
                Tuple.of(1, Arbitraries.of(top, top.negate(), BigDecimal.TEN.pow(integerDigits), BigDecimal.ZERO,
                        new BigDecimal("0.5").movePointLeft(type.scale()), top.add(new BigDecimal("0.4").movePointLeft(type.scale())))));
    }

    Arbitrary<byte[]> bytes() {
        return Arbitraries.frequencyOf(Tuple.of(4, Arbitraries.bytes().array(byte[].class).ofMaxSize(200)),
                Tuple.of(1, Arbitraries.of(new byte[0], new byte[] {0}, new byte[] {(byte) 0xff, 0, '\'', '\\'})));
    }

    static final int[] EDGE_YEARS = {-4712, -4000, -44, -1, 0, 1, 999, 1000, 1582, 1970, 2038, 9999, 10_000, 99_999, 200_000};

    Arbitrary<Integer> years() {
        return Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.integers().between(1, 9999)),
                Tuple.of(2, Arbitraries.of(Arrays.stream(EDGE_YEARS).boxed().toList())));
    }

    Arbitrary<LocalDate> dates() {
        return Combinators.combine(years(), Arbitraries.integers().between(1, 365)).as((y, d) -> LocalDate.ofYearDay(y, Math.min(d, 365)));
    }

    Arbitrary<Integer> nanos() {
        return Arbitraries.frequencyOf(Tuple.of(2, Arbitraries.integers().between(0, 999_999_999)),
                Tuple.of(1, Arbitraries.integers().between(0, 999_999).map(us -> us * 1_000)),
                Tuple.of(1, Arbitraries.of(0, 999_999_999, 999_999_900, 999_999_500, 500, 1)));
    }

    Arbitrary<LocalTime> times() {
        return Arbitraries.frequencyOf(
                Tuple.of(4, Combinators.combine(Arbitraries.integers().between(0, 86_399), nanos()).as((s, n) -> LocalTime.ofSecondOfDay(s).withNano(n))),
                Tuple.of(1, Arbitraries.of(LocalTime.MIDNIGHT, LocalTime.MAX, LocalTime.of(23, 59, 59, 999_999_900), LocalTime.NOON.withNano(500))));
    }

    Arbitrary<LocalDateTime> timestamps() {
        return Combinators.combine(dates(), times()).as(LocalDate::atTime);
    }

    static final List<ZoneId> ZONES = List.of(ZoneId.of("America/New_York"), ZoneId.of("Europe/Berlin"), ZoneId.of("Australia/Lord_Howe"),
            ZoneId.of("Asia/Kathmandu"), ZoneId.of("America/St_Johns"), ZoneOffset.UTC);

    Arbitrary<OffsetDateTime> zonedTimes() {
        // local times around the 2024 DST changes (gaps resolve forward, overlaps to the earlier offset), and anything else
        Arbitrary<OffsetDateTime> dst = Combinators.combine(Arbitraries.of(ZONES),
                Arbitraries.of(LocalDateTime.of(2024, 3, 10, 2, 30), LocalDateTime.of(2024, 3, 31, 2, 30), LocalDateTime.of(2024, 11, 3, 1, 30),
                        LocalDateTime.of(2024, 10, 27, 2, 30), LocalDateTime.of(2024, 4, 7, 1, 45), LocalDateTime.of(2024, 10, 6, 2, 15)),
                nanos()).as((z, t, n) -> t.withNano(n).atZone(z).toOffsetDateTime());
        Arbitrary<OffsetDateTime> any = Combinators.combine(timestamps(), Arbitraries.integers().between(-18 * 3600, 18 * 3600))
                .as((t, off) -> t.atOffset(ZoneOffset.ofTotalSeconds(off)))
                // an instant a LocalDateTime at UTC cannot hold is no database's value to refuse
                .filter(t -> t.getYear() > -999_999_000 && t.getYear() < 999_999_000);
        return Arbitraries.frequencyOf(Tuple.of(2, dst), Tuple.of(3, any));
    }

    // ---- the cases of issue 17, one by one ---------------------------------------------------------------

    /** Writes each value in its own row (one statement each) and reads them all back in one SELECT. */
    private <T> List<T> writeEachAndReadAll(Connection c, Column<T> col, List<T> values) {
        Vals v = vals();
        long first = NEXT_ID.addAndGet(values.size()) - values.size() + 1;
        for (int k = 0; k < values.size(); k++) c.execute(insert(v).set(v.ID, first + k).set(col, values.get(k)));
        List<T> out = new ArrayList<>();
        for (var row : c.execute(select(v.ID, col).where(v.ID.between(first, first + values.size() - 1)).orderBy(v.ID)).all())
            out.add(row._2);
        return out;
    }

    /** Issue 17.1: MariaDB took ±Float.MAX_VALUE into a REAL column and then failed every SELECT of that row. */
    @Example
    void floatExtremesRoundTripAndTheirRowsStayReadable() {
        List<Float> extremes = List.of(Float.MAX_VALUE, -Float.MAX_VALUE, Float.MIN_VALUE, -Float.MIN_VALUE, Float.MIN_NORMAL, 16_777_216f, 0.1f);
        try (Connection c = engine().connect()) {
            List<Float> back = writeEachAndReadAll(c, vals().R, extremes);
            c.rollback();
            for (int k = 0; k < extremes.size(); k++)
                assertEquals(Float.floatToRawIntBits(extremes.get(k)), Float.floatToRawIntBits(back.get(k)),
                        "REAL " + extremes.get(k) + " came back from " + db() + " as " + back.get(k));
        }
    }

    /** Issue 17.2: a lone UTF-16 surrogate came back as '?' on all three databases; now a DataError on bind, as a value or a parameter. */
    @Example
    void loneSurrogatesAreRefusedOnBind() {
        Vals v = vals();
        for (String bad : List.of("\uD800", "a\uDFFFb", "x\uD83D", "\uDE00\uD83D", "ok\uD83D\uDE00 then \uDBFF")) {
            try (Connection c = engine().connect()) {
                DataError e = assertThrows(DataError.class, () -> c.execute(insert(v).set(v.ID, NEXT_ID.incrementAndGet()).set(v.S, bad)),
                        show(bad) + " on " + db());
                assertTrue(e.getMessage().contains("lone UTF-16 surrogate"), e.getMessage());
                c.rollback();
                assertThrows(DataError.class, () -> c.execute(select(count()).from(v).where(v.S.eq(bad))).all(), "as a parameter on " + db());
                c.rollback();
            }
        }
        try (Connection c = engine().connect()) {
            assertEquals(List.of("\uD83D\uDE00", "a\uD800\uDC00b"), writeEachAndReadAll(c, v.S, List.of("\uD83D\uDE00", "a\uD800\uDC00b")),
                    "surrogate pairs are text like any other on " + db());
            c.rollback();
        }
    }

    /** Issue 17.3: SQLite stored the year -44 as "0045" (year of era) and read back 45. */
    @Example
    void yearsOutside0000To9999KeepTheirSignOrAreRefused() {
        Vals v = vals();
        for (int year : new int[] {-44, -1, 0, 10_000}) {
            LocalDate d = LocalDate.of(year, 3, 15);
            LocalDateTime ts = d.atTime(12, 30, 15, 123_456_000);
            for (Object value : List.of(d, ts)) {
                @SuppressWarnings("unchecked") Column<Object> col = (Column<Object>) (Column<?>) (value instanceof LocalDate ? v.DT : v.TS);
                Expect<?> want = value instanceof LocalDate x ? date(fidelity(), x) : timestamp(fidelity(), (LocalDateTime) value);
                try (Connection c = engine().connect()) {
                    if (want.refused()) {
                        assertThrows(DataError.class, () -> writeEachAndReadAll(c, col, List.of(value)), value + " on " + db());
                    } else {
                        assertEquals(List.of(want.value()), writeEachAndReadAll(c, col, List.of(value)), value + " on " + db());
                    }
                    c.rollback();
                }
            }
        }
    }

    /** Issue 17.4: PostgreSQL returned LocalTime 23:59:59.9999999 as 23:59:59.999999999; every time type now keeps the documented precision. */
    @Example
    void subMicrosecondTimesComeBackTruncatedToThePrecisionKept() {
        Vals v = vals();
        LocalTime t = LocalTime.of(23, 59, 59, 999_999_900);
        LocalDateTime ts = LocalDateTime.of(2024, 12, 31, 23, 59, 59, 999_999_500);
        OffsetDateTime tz = ts.atOffset(ZoneOffset.ofHours(2));
        try (Connection c = engine().connect()) {
            assertEquals(List.of(truncate(fidelity(), t), truncate(fidelity(), LocalTime.MAX)), writeEachAndReadAll(c, v.T, List.of(t, LocalTime.MAX)),
                    "TIME on " + db());
            assertEquals(List.of(timestamp(fidelity(), ts).value()), writeEachAndReadAll(c, v.TS, List.of(ts)), "TIMESTAMP on " + db());
            assertEquals(zoned(fidelity(), tz).value().toInstant(), writeEachAndReadAll(c, v.TZ, List.of(tz)).get(0).toInstant(),
                    "TIMESTAMP WITH TIME ZONE on " + db());
            c.rollback();
        }
    }

    /** Issue 17.5: -0.0 comes back as 0.0 where the database has no negative zero (documented); kept where it has one. */
    @Example
    void negativeZeroComesBackAsDocumented() {
        Vals v = vals();
        try (Connection c = engine().connect()) {
            double d = writeEachAndReadAll(c, v.D, List.of(-0.0)).get(0);
            float f = writeEachAndReadAll(c, v.R, List.of(-0.0f)).get(0);
            c.rollback();
            assertEquals(Double.doubleToRawLongBits(dbl(fidelity(), -0.0).value()), Double.doubleToRawLongBits(d), "DOUBLE -0.0 on " + db());
            assertEquals(Float.floatToRawIntBits(flt(fidelity(), -0.0f).value()), Float.floatToRawIntBits(f), "REAL -0.0 on " + db());
        }
    }

    /**
     * Issue 17.6: on SQLite {@code contains(NUL + "'")} matched every row (SQLite's LIKE stops at
     * the NUL, leaving the pattern "%"). Where text cannot hold NUL it is now refused on bind;
     * where it can (MariaDB), the pattern matches exactly the rows holding it.
     */
    @Example
    void nulInALikePatternNeverMatchesEveryRow() {
        Vals v = vals();
        try (Connection c = engine().connect()) {
            List<String> texts = new ArrayList<>(List.of("plain", "it's", ""));
            if (fidelity().nulInText()) texts.add("x\u0000'y");
            writeEachAndReadAll(c, v.S, texts);
            long first = NEXT_ID.get() - texts.size() + 1;
            var query = select(count()).from(v).where(v.ID.between(first, NEXT_ID.get()).and(v.S.contains("\u0000'")));
            if (fidelity().nulInText()) {
                assertEquals(1L, ((Number) c.scalar(query)).longValue(), "rows containing NUL + quote on " + db());
            } else {
                DataError e = assertThrows(DataError.class, () -> c.scalar(query), "a NUL in a LIKE pattern on " + db());
                assertTrue(e.getMessage().contains("NUL"), e.getMessage());
            }
            c.rollback();
        }
    }

    // ---- the property ------------------------------------------------------------------------------------

    @Provide
    Arbitrary<Case> cases() {
        List<Arbitrary<Case>> perKind = new ArrayList<>();
        for (Kind<Object> k : kinds) {
            @SuppressWarnings("unchecked") Arbitrary<Object> values = (Arbitrary<Object>) (Arbitrary<?>) k.values().apply(this);
            perKind.add(Combinators.combine(values.list().ofMinSize(1).ofMaxSize(4), Arbitraries.of(WritePath.class))
                    .as((vs, p) -> new Case(k, vs, p)));
        }
        return Arbitraries.oneOf(perKind);
    }

    /** Per database: values checked by outcome (kept, documented change, refused), printed after the container. */
    private static final Map<String, Map<String, AtomicLong>> TALLY = new ConcurrentHashMap<>();

    private void tally(String outcome) {
        TALLY.computeIfAbsent(db(), k -> new ConcurrentHashMap<>()).computeIfAbsent(outcome, k -> new AtomicLong()).incrementAndGet();
    }

    @AfterContainer
    static void printTally() {
        TALLY.forEach((db, t) -> System.out.println("[athanor] ValueRoundTripSuite on " + db + ": " + new java.util.TreeMap<>(t)));
        TALLY.clear();
    }

    @Property(tries = 400)
    void everyWritePathKeepsDocumentsOrRefuses(@ForAll("cases") Case c) {
        tally("cases");
        List<Expect<Object>> expected = new ArrayList<>();
        boolean anyRefused = false;
        for (Object x : c.values()) {
            Expect<Object> e = c.kind().expect().apply(this, x);
            expected.add(e);
            anyRefused |= e.refused();
        }
        if (c.path() == WritePath.SINGLE) {
            // one statement (and transaction) per value: each is kept or refused on its own
            for (int k = 0; k < c.values().size(); k++) check(c, List.of(c.values().get(k)), List.of(expected.get(k)), expected.get(k).refused());
        } else {
            check(c, c.values(), expected, anyRefused);
        }
    }

    /** Writes {@code values} in one go by the case's path, then reads them back (or expects the DataError). */
    private void check(Case c, List<Object> values, List<Expect<Object>> expected, boolean refused) {
        Vals v = vals();
        Column<Object> col = c.kind().column().apply(v);
        long first = NEXT_ID.addAndGet(values.size()) - values.size() + 1;
        try (Connection conn = engine().connect()) {
            try {
                write(conn, v, col, c.path(), first, values);
            } catch (AthanorException e) {
                if (!refused) fail(db() + " refused " + c + " with " + e + "; expected every value back ("
                        + expected.stream().map(x -> show(x.value())).toList() + ")", e);
                assertInstanceOf(DataError.class, e, db() + " must refuse " + c + " with a DataError");
                tally("refused");
                conn.rollback();
                return;
            }
            if (refused) {
                List<Object> back = readBack(conn, v, col, first, values.size());
                conn.rollback();
                fail(db() + " accepted " + c + ", which it documents as refused (a DataError); it read back " + back.stream().map(ValueRoundTripSuite::show).toList());
            }
            List<Object> back = readBack(conn, v, col, first, values.size());
            conn.rollback();
            BiPredicate<Object, Object> same = c.kind().same();
            for (int k = 0; k < values.size(); k++) {
                Object want = expected.get(k).value(), got = back.get(k), wrote = values.get(k);
                assertTrue(same.test(want, got), () -> db() + " changed a " + c.kind().name() + " value silently: wrote " + show(wrote)
                        + ", expected " + show(want) + " back, read " + show(got) + " (case " + c + ")");
                tally(same.test(wrote, want) ? "kept" : "documented change");
            }
        }
    }

    private List<Object> readBack(Connection conn, Vals v, Column<Object> col, long first, int n) {
        List<Object> out = new ArrayList<>();
        for (var row : conn.execute(select(v.ID, col).where(v.ID.between(first, first + n - 1)).orderBy(v.ID)).all()) out.add(row._2);
        assertEquals(n, out.size(), "rows written by one statement");
        return out;
    }

    private static <T> Insert setParam(Insert insert, Column<T> col, String name) { return insert.set(col, bindParam(name, col.type())); }

    private static void write(Connection conn, Vals v, Column<Object> col, WritePath path, long first, List<Object> values) {
        switch (path) {
            case SINGLE -> {
                for (int k = 0; k < values.size(); k++) conn.execute(insert(v).set(v.ID, first + k).set(col, values.get(k)));
            }
            case INSERT_MANY -> {
                List<Map<Column<?>, Object>> rows = new ArrayList<>();
                for (int k = 0; k < values.size(); k++) rows.add(Insert.row(v.ID, first + k, col, values.get(k)));
                conn.insertMany(insert(v), rows);
            }
            case EXECUTE_MANY -> {
                List<Map<String, ?>> sets = new ArrayList<>();
                for (int k = 0; k < values.size(); k++) {
                    Map<String, Object> set = new HashMap<>();
                    set.put("id", first + k);
                    set.put("x", values.get(k));
                    sets.add(set);
                }
                conn.executeMany(setParam(insert(v).set(v.ID, bindParam("id", BIGINT)), col, "x"), sets);
            }
            case UPDATE -> { // rows inserted empty, then each value set by its own UPDATE
                for (int k = 0; k < values.size(); k++) conn.execute(insert(v).set(v.ID, first + k));
                for (int k = 0; k < values.size(); k++) conn.execute(update(v).set(col, values.get(k)).where(v.ID.eq(first + k)));
            }
            case INSERT_ROWS -> {
                List<Object[]> rows = new ArrayList<>();
                for (int k = 0; k < values.size(); k++) rows.add(new Object[] {first + k, values.get(k)});
                conn.insertRows(insert(v), new Column<?>[] {v.ID, col}, rows);
            }
        }
    }
}
