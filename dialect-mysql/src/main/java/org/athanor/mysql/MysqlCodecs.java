package org.athanor.mysql;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
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
 * Codecs where Connector/J's defaults would lose information.
 * <ul>
 * <li>TIMESTAMP WITH TIME ZONE: MySQL's DATETIME has no zone and its TIMESTAMP ends in 2038, so the
 *     instant is stored in a DATETIME(6) as UTC wall time and read back at offset UTC. Binding a
 *     LocalDateTime keeps Connector/J's time-zone conversions (connectionTimeZone, preserveInstants)
 *     out of the way entirely.</li>
 * <li>TIME and TIMESTAMP are bound as text with six fractional digits. Connector/J decides from
 *     the server version whether the server keeps fractional seconds, and MariaDB announces itself
 *     as {@code 5.5.5-...} (older than MySQL 5.6.4, which introduced them): bound through
 *     {@code setObject} the microseconds would be cut off before they leave the driver. Reading is
 *     not affected; DATETIME is read with {@code getObject(LocalDateTime.class)}.</li>
 * </ul>
 * DATE uses the portable java.time codec.
 */
final class MysqlCodecs {
    private MysqlCodecs() {}

    private static final DateTimeFormatter TIME = new DateTimeFormatterBuilder()
            .appendPattern("HH:mm:ss").appendFraction(ChronoField.NANO_OF_SECOND, 6, 6, true).toFormatter();
    static final DateTimeFormatter DATETIME = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd HH:mm:ss").appendFraction(ChronoField.NANO_OF_SECOND, 6, 6, true).toFormatter();
    private static final DateTimeFormatter PARSE_TIME = new DateTimeFormatterBuilder()
            .appendPattern("HH:mm:ss").optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .toFormatter();

    @SuppressWarnings("unchecked")
    static <T> ValueCodec<T> forType(SqlType<T> type) {
        return (ValueCodec<T>) switch (type.kind()) {
            case TIMESTAMP_TZ -> UTC_TIMESTAMP;
            case TIME -> TIME_TEXT;
            case TIMESTAMP -> DATETIME_TEXT;
            case DOUBLE -> FINITE_DOUBLE;
            case REAL -> FINITE_REAL;
            default -> null;
        };
    }

    /**
     * MySQL and MariaDB have no NaN or infinities in DOUBLE: refuse them with SQLSTATE 22003
     * (numeric value out of range, a DataError) instead of Connector/J's generic S1009.
     */
    private static SQLException notFinite(Object v) {
        return new SQLException("MySQL/MariaDB cannot store " + v + " in a floating-point column; store NULL or a finite value",
                "22003");
    }

    static final ValueCodec<Double> FINITE_DOUBLE = new ValueCodec<>() {
        @Override public void bind(PreparedStatement ps, int i, Double v) throws SQLException {
            if (v != null && !Double.isFinite(v)) throw notFinite(v);
            org.athanor.core.type.SqlTypes.DOUBLE.bind(ps, i, v);
        }
        @Override public Double read(ResultSet rs, int i) throws SQLException { return org.athanor.core.type.SqlTypes.DOUBLE.read(rs, i); }
    };

    /**
     * REAL is a DOUBLE column here (see MysqlDialect#typeName). Connector/J's setFloat sends the
     * float's shortest decimal text, which the DOUBLE column parses as the nearest double: for
     * Float.MAX_VALUE "3.4028235E38" is above the largest float, and from then on Connector/J's
     * getFloat refused every read of that row ("outside of valid range for type java.lang.Float").
     * So a float is bound as the double of exactly its value, and read as a double narrowed to the
     * nearest float; a stored double beyond float's range (written by other SQL) is refused on
     * reading with SQLSTATE 22003 instead of becoming an infinity.
     */
    static final ValueCodec<Float> FINITE_REAL = new ValueCodec<>() {
        @Override public void bind(PreparedStatement ps, int i, Float v) throws SQLException {
            if (v == null) ps.setNull(i, Types.REAL);
            else if (!Float.isFinite(v)) throw notFinite(v);
            else ps.setDouble(i, v.doubleValue());
        }
        @Override public Float read(ResultSet rs, int i) throws SQLException {
            double d = rs.getDouble(i);
            if (d == 0 && rs.wasNull()) return null;
            float f = (float) d;
            if (Float.isInfinite(f))
                throw new SQLException("value " + d + " read from MySQL/MariaDB does not fit REAL (java.lang.Float, at most ±"
                        + Float.MAX_VALUE + "); declare the column or expression as DOUBLE", "22003");
            return f;
        }
    };

    static final ValueCodec<OffsetDateTime> UTC_TIMESTAMP = new ValueCodec<>() {
        @Override public void bind(PreparedStatement ps, int i, OffsetDateTime v) throws SQLException {
            if (v == null) ps.setNull(i, Types.TIMESTAMP);
            else ps.setString(i, DATETIME.format(v.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime()));
        }

        @Override public OffsetDateTime read(ResultSet rs, int i) throws SQLException {
            LocalDateTime t = rs.getObject(i, LocalDateTime.class);
            return t == null ? null : t.atOffset(ZoneOffset.UTC);
        }
    };

    static final ValueCodec<LocalDateTime> DATETIME_TEXT = new ValueCodec<>() {
        @Override public void bind(PreparedStatement ps, int i, LocalDateTime v) throws SQLException {
            if (v == null) ps.setNull(i, Types.TIMESTAMP);
            else ps.setString(i, DATETIME.format(v));
        }

        @Override public LocalDateTime read(ResultSet rs, int i) throws SQLException { return rs.getObject(i, LocalDateTime.class); }
    };

    static final ValueCodec<LocalTime> TIME_TEXT = new ValueCodec<>() {
        @Override public void bind(PreparedStatement ps, int i, LocalTime v) throws SQLException {
            if (v == null) ps.setNull(i, Types.TIME);
            else ps.setString(i, TIME.format(v));
        }

        @Override public LocalTime read(ResultSet rs, int i) throws SQLException {
            String s = rs.getString(i);
            if (s == null) return null;
            try {
                return LocalTime.parse(s, PARSE_TIME);
            } catch (RuntimeException e) {
                throw new SQLException("cannot read TIME value '" + s + "' as a LocalTime (MySQL TIME may be negative or"
                        + " exceed 24 hours; LocalTime cannot): " + e.getMessage(), e);
            }
        }
    };
}
