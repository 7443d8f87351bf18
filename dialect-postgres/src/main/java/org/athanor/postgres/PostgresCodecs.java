package org.athanor.postgres;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.UUID;
import org.athanor.core.type.SqlType;
import org.athanor.core.type.ValueCodec;

/**
 * Codecs where pgjdbc needs something other than core's portable ones: UUIDs go over the wire as
 * {@code uuid} (a string would be typed {@code varchar}, which does not compare with a uuid column), JSON
 * text is sent untyped so the server reads it as {@code jsonb}.
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
            else ps.setObject(i, v, Types.OTHER);
        }
        @Override public String read(ResultSet rs, int i) throws SQLException { return rs.getString(i); }
    };

    /** The codec PostgreSQL needs for {@code type}, or null when core's portable codec serves. */
    @SuppressWarnings("unchecked")
    static <T> ValueCodec<T> forType(SqlType<T> type) {
        ValueCodec<?> c = switch (type.kind()) {
            case UUID -> type.javaType() == UUID.class ? UUID_CODEC : null;
            case JSON -> type.javaType() == String.class ? JSON_CODEC : null;
            default -> null;
        };
        return (ValueCodec<T>) c;
    }
}
