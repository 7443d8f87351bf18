package org.athanor.sqlite;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import org.athanor.core.type.SqlType;
import org.athanor.core.type.ValueCodec;

/**
 * SQLite has no date types: dates and times are stored as fixed-width ISO text (so text order is
 * time order), timestamps with time zone normalized to UTC. NUMERIC is read back at the column's
 * declared scale.
 */
final class SqliteCodecs {
    private SqliteCodecs() {}

    private static final DateTimeFormatter TIME = new DateTimeFormatterBuilder()
            .appendPattern("HH:mm:ss").appendFraction(ChronoField.NANO_OF_SECOND, 6, 9, true).toFormatter();
    private static final DateTimeFormatter TIMESTAMP = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd HH:mm:ss").appendFraction(ChronoField.NANO_OF_SECOND, 6, 9, true).toFormatter();
    private static final DateTimeFormatter PARSE_TIMESTAMP = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd[ ]['T']HH:mm[:ss]").optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
            .optionalEnd().toFormatter();
    private static final DateTimeFormatter PARSE_TIME = new DateTimeFormatterBuilder()
            .appendPattern("HH:mm[:ss]").optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .toFormatter();

    static ValueCodec<?> forType(SqlType<?> type) {
        return switch (type.kind()) {
            case DATE -> text(LocalDate::toString, LocalDate::parse);
            case TIME -> text(TIME::format, s -> LocalTime.parse(s, PARSE_TIME));
            case TIMESTAMP -> text(TIMESTAMP::format, s -> LocalDateTime.parse(s, PARSE_TIMESTAMP));
            case TIMESTAMP_TZ -> text((OffsetDateTime t) -> TIMESTAMP.format(t.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime()),
                    s -> LocalDateTime.parse(s, PARSE_TIMESTAMP).atOffset(ZoneOffset.UTC));
            case NUMERIC -> numeric(type.precision(), type.scale());
            case DOUBLE -> type.javaType() == Double.class ? noNaN(org.athanor.core.type.SqlTypes.DOUBLE, (Double d) -> d.isNaN()) : null;
            case REAL -> type.javaType() == Float.class ? noNaN(org.athanor.core.type.SqlTypes.REAL, (Float f) -> f.isNaN()) : null;
            // every SQLite integer is 64-bit (sum() of an INTEGER column included): reading one through getInt
            // would silently truncate, so read the long and refuse what does not fit
            case INTEGER -> type.javaType() == Integer.class ? narrowInteger(as(type), Integer.MIN_VALUE, Integer.MAX_VALUE, v -> (int) v) : null;
            case SMALLINT -> type.javaType() == Short.class ? narrowInteger(as(type), Short.MIN_VALUE, Short.MAX_VALUE, v -> (short) v) : null;
            default -> null;
        };
    }

    /** The text a date/time value is stored as, for literals that must compare equal to bound values; null for other values. */
    static String storedText(Object v) {
        if (v instanceof LocalTime t) return TIME.format(t);
        if (v instanceof LocalDateTime t) return TIMESTAMP.format(t);
        if (v instanceof OffsetDateTime t) return TIMESTAMP.format(t.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime());
        return null;
    }

    interface Parse<T> { T parse(String s); }

    interface Format<T> { String format(T v); }

    private static <T> ValueCodec<T> text(Format<T> format, Parse<T> parse) {
        return new ValueCodec<>() {
            @Override public void bind(PreparedStatement ps, int i, T v) throws SQLException {
                if (v == null) ps.setNull(i, java.sql.Types.VARCHAR);
                else ps.setString(i, format.format(v));
            }
            @Override public T read(ResultSet rs, int i) throws SQLException {
                String s = rs.getString(i);
                if (s == null) return null;
                try {
                    return parse.parse(s);
                } catch (RuntimeException e) {
                    throw new SQLException("cannot read '" + s + "' as a date/time value: " + e.getMessage(), e);
                }
            }
        };
    }

    /**
     * SQLite stores a NaN bound as REAL as NULL, without error: refuse it instead of losing it
     * (SQLSTATE 22003, numeric value out of range, which becomes a DataError).
     */
    private static <T> ValueCodec<T> noNaN(SqlType<T> type, java.util.function.Predicate<T> isNaN) {
        return new ValueCodec<>() {
            @Override public void bind(PreparedStatement ps, int i, T v) throws SQLException {
                if (v != null && isNaN.test(v))
                    throw new SQLException("SQLite cannot store NaN (it would silently become NULL); store NULL or a finite value",
                            "22003");
                type.bind(ps, i, v);
            }
            @Override public T read(ResultSet rs, int i) throws SQLException { return type.read(rs, i); }
        };
    }

    @SuppressWarnings("unchecked")
    private static <T> SqlType<T> as(SqlType<?> type) { return (SqlType<T>) type; }

    private static <T> ValueCodec<T> narrowInteger(SqlType<T> type, long min, long max, java.util.function.LongFunction<T> narrow) {
        return new ValueCodec<>() {
            @Override public void bind(PreparedStatement ps, int i, T v) throws SQLException { type.bind(ps, i, v); }
            @Override public T read(ResultSet rs, int i) throws SQLException {
                long v = rs.getLong(i);
                if (v == 0 && rs.wasNull()) return null;
                if (v < min || v > max)
                    throw new SQLException("value " + v + " read from SQLite does not fit " + type + " (" + type.javaType().getName()
                            + "); declare or cast the expression as BIGINT", "22003"); // SQLSTATE: numeric value out of range
                return narrow.apply(v);
            }
        };
    }

    /** The significant digits a NUMERIC stored as REAL keeps (a double's 15 exact decimal digits). */
    private static final java.math.MathContext REAL_DIGITS = new java.math.MathContext(15, RoundingMode.HALF_EVEN);

    /** A REAL as SQLite's "%!.15g" rendered it: 15 significant digits, no trailing zeros, at least one decimal. */
    private static BigDecimal fromReal(double x) {
        BigDecimal d = BigDecimal.valueOf(x).round(REAL_DIGITS).stripTrailingZeros();
        return d.scale() < 1 ? d.setScale(1, RoundingMode.UNNECESSARY) : d;
    }

    /**
     * SQLite ignores a column's NUMERIC(p, s): 8.991 would be stored in a NUMERIC(8, 2) as it is. So
     * a declared type rounds on bind to its scale, half away from zero, and a value whose integer
     * digits (after rounding) exceed {@code p - s} is refused with SQLSTATE 22003 (a DataError), as
     * PostgreSQL ("numeric field overflow") and MariaDB/MySQL in strict mode do. Plain NUMERIC
     * (precision 0) binds values as they are.
     */
    private static ValueCodec<BigDecimal> numeric(int precision, int scale) {
        return new ValueCodec<>() {
            @Override public void bind(PreparedStatement ps, int i, BigDecimal v) throws SQLException {
                if (v == null) {
                    ps.setNull(i, java.sql.Types.NUMERIC);
                    return;
                }
                if (precision > 0) {
                    BigDecimal rounded = v.setScale(scale, RoundingMode.HALF_UP);
                    if (rounded.precision() - rounded.scale() > precision - scale)
                        throw new SQLException("numeric field overflow: " + v.toPlainString() + " does not fit NUMERIC(" + precision + ", "
                                + scale + "), which holds values whose absolute value rounds to less than 10^" + (precision - scale),
                                "22003");
                    v = rounded;
                }
                ps.setString(i, v.toPlainString());
            }
            @Override public BigDecimal read(ResultSet rs, int i) throws SQLException {
                Object o = rs.getObject(i);
                if (o == null) return null;
                // A REAL is read as its 15 significant digits, as SQLite's own text rendering gave them
                // before 3.5x began rendering up to 17 (12345678901.2345 came back as ...234501).
                BigDecimal d = o instanceof Double x ? fromReal(x) : new BigDecimal(rs.getString(i));
                if (scale > 0 && d.scale() < scale) d = d.setScale(scale, RoundingMode.UNNECESSARY);
                return d;
            }
        };
    }
}
