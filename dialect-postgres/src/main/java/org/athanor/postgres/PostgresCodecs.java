package org.athanor.postgres;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.athanor.core.type.SqlType;
import org.athanor.core.type.SqlTypes;
import org.athanor.core.type.TextValues;
import org.athanor.core.type.ValueCodec;

/**
 * Codecs where pgjdbc needs something other than core's portable ones: UUIDs go over the wire as
 * {@code uuid} (a string would be typed {@code varchar}, which does not compare with a uuid column), JSON
 * text is sent untyped so the server reads it as {@code jsonb}; text refuses NUL and lone surrogates;
 * times and timestamps are cut to the microseconds PostgreSQL keeps.
 */
final class PostgresCodecs {
    private PostgresCodecs() {}

    private static final ValueCodec<UUID> UUID_CODEC = new ValueCodec<>() {
        @Override public void bind(PreparedStatement ps, int i, UUID v) throws SQLException {
            if (v == null) ps.setNull(i, Types.OTHER);
            else ps.setObject(i, v);
        }
        @Override public UUID read(ResultSet rs, int i) throws SQLException {
            Object o = rs.getObject(i);
            if (o == null || o instanceof UUID) return (UUID) o;
            try {
                return UUID.fromString(o.toString()); // a uuid held in a text column
            } catch (IllegalArgumentException e) {
                throw new SQLException("value '" + o + "' read from the database is not a UUID", e);
            }
        }
    };

    /**
     * JSON text bound as {@link Types#OTHER}: pgjdbc then leaves the parameter's type unspecified and
     * the server infers {@code jsonb} from the column (a {@code varchar} parameter would need a cast).
     */
    private static final ValueCodec<String> JSON_CODEC = new ValueCodec<>() {
        @Override public void bind(PreparedStatement ps, int i, String v) throws SQLException {
            if (v == null) ps.setNull(i, Types.OTHER);
            else {
                check(v);
                ps.setObject(i, v, Types.OTHER);
            }
        }
        @Override public void check(String v) throws SQLException { TextValues.check(v, true, SqlTypes.JSON, "PostgreSQL"); }
        @Override public String read(ResultSet rs, int i) throws SQLException { return rs.getString(i); }
    };

    /**
     * Text refusing NUL (PostgreSQL's text cannot hold it; the server's own refusal, "invalid byte
     * sequence for encoding UTF8: 0x00", names neither the column nor the character) and lone
     * surrogates (pgjdbc would send them as '?'), both with SQLSTATE 22021, a DataError.
     */
    private static ValueCodec<String> text(SqlType<String> type) {
        return new ValueCodec<>() {
            @Override public void bind(PreparedStatement ps, int i, String v) throws SQLException {
                if (v == null) ps.setNull(i, Types.VARCHAR);
                else {
                    check(v);
                    ps.setString(i, v);
                }
            }
            @Override public void check(String v) throws SQLException { TextValues.check(v, true, type, "PostgreSQL"); }
            @Override public String read(ResultSet rs, int i) throws SQLException { return rs.getString(i); }
        };
    }

    /**
     * PostgreSQL keeps microseconds and rounds what it is sent to them: 23:59:59.9999999 became
     * 24:00:00, which pgjdbc reads as 23:59:59.999999999, and 2024-12-31 23:59:59.9999995 the next
     * year. Sub-microsecond digits are therefore truncated on bind (the documented precision of
     * TIME, TIMESTAMP and TIMESTAMP WITH TIME ZONE here, as on MariaDB), so a value never moves past
     * the microsecond it is in. The MAX values stay as they are: pgjdbc binds them as 24:00:00 and
     * infinity, and reads those back as the MAX values.
     */
    private static <T extends java.time.temporal.Temporal> ValueCodec<T> micros(SqlType<T> type, T max,
                                                                                   java.util.function.ToIntFunction<T> nanoOf,
                                                                                   java.util.function.UnaryOperator<T> truncate) {
        return micros(type, max, nanoOf, truncate, java.util.function.UnaryOperator.identity());
    }

    private static <T extends java.time.temporal.Temporal> ValueCodec<T> micros(SqlType<T> type, T max,
                                                                                   java.util.function.ToIntFunction<T> nanoOf,
                                                                                   java.util.function.UnaryOperator<T> truncate,
                                                                                   java.util.function.UnaryOperator<T> normalize) {
        return new ValueCodec<>() {
            @Override public void bind(PreparedStatement ps, int i, T v) throws SQLException {
                if (v != null) {
                    if (nanoOf.applyAsInt(v) % 1000 != 0 && !v.equals(max)) v = truncate.apply(v);
                    v = normalize.apply(v);
                }
                type.bind(ps, i, v);
            }
            @Override public T read(ResultSet rs, int i) throws SQLException { return type.read(rs, i); }
        };
    }

    private static final ValueCodec<LocalTime> TIME = micros(SqlTypes.TIME, LocalTime.MAX, LocalTime::getNano,
            t -> t.truncatedTo(ChronoUnit.MICROS));
    private static final ValueCodec<LocalDateTime> TIMESTAMP = micros(SqlTypes.TIMESTAMP, LocalDateTime.MAX,
            LocalDateTime::getNano, t -> t.truncatedTo(ChronoUnit.MICROS));
    /**
     * Also sent at UTC: timestamptz keeps only the instant, and PostgreSQL refuses offsets from
     * +16:00 on ("time zone displacement out of range"), which java.time allows up to ±18:00.
     */
    private static final ValueCodec<OffsetDateTime> TIMESTAMPTZ = micros(SqlTypes.TIMESTAMPTZ, OffsetDateTime.MAX,
            OffsetDateTime::getNano, t -> t.truncatedTo(ChronoUnit.MICROS), PostgresCodecs::atUtc);

    private static OffsetDateTime atUtc(OffsetDateTime t) {
        if (t.getOffset().equals(ZoneOffset.UTC) || t.equals(OffsetDateTime.MAX) || t.equals(OffsetDateTime.MIN)) return t;
        return t.withOffsetSameInstant(ZoneOffset.UTC);
    }

    /** The codec PostgreSQL needs for {@code type}, or null when core's portable codec serves. */
    @SuppressWarnings("unchecked")
    static <T> ValueCodec<T> forType(SqlType<T> type) {
        ValueCodec<?> c = switch (type.kind()) {
            case UUID -> type.javaType() == UUID.class ? UUID_CODEC : null;
            case JSON -> type.javaType() == String.class ? JSON_CODEC : null;
            case VARCHAR, TEXT -> type.javaType() == String.class ? text((SqlType<String>) type) : null;
            case TIME -> type.javaType() == LocalTime.class ? TIME : null;
            case TIMESTAMP -> type.javaType() == LocalDateTime.class ? TIMESTAMP : null;
            case TIMESTAMP_TZ -> type.javaType() == OffsetDateTime.class ? TIMESTAMPTZ : null;
            default -> null;
        };
        return (ValueCodec<T>) c;
    }
}
