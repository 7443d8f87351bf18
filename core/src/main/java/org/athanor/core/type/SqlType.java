package org.athanor.core.type;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Objects;
import java.util.function.Function;

/**
 * A SQL type: its Java class, its {@link TypeKind} (which the dialect spells in DDL), and the
 * portable way to bind and read it by column index. Instances are immutable values; two types
 * of the same kind and parameters are equal.
 *
 * <pre>{@code
 * Column<String> NAME = column("name", varchar(50), notNull());
 * SqlType<Money> MONEY = SqlType.converted(NUMERIC(19, 4), Money::toBigDecimal, Money::of);
 * }</pre>
 */
public abstract class SqlType<T> implements ValueCodec<T> {
    private final Class<T> javaType;
    private final TypeKind kind;
    private final int length;
    private final int precision;
    private final int scale;
    private final int jdbcType;

    protected SqlType(Class<T> javaType, TypeKind kind, int length, int precision, int scale, int jdbcType) {
        this.javaType = Objects.requireNonNull(javaType, "javaType");
        this.kind = Objects.requireNonNull(kind, "kind");
        this.length = length;
        this.precision = precision;
        this.scale = scale;
        this.jdbcType = jdbcType;
    }

    public final Class<T> javaType() { return javaType; }
    public final TypeKind kind() { return kind; }
    /** VARCHAR length, or 0 when unbounded. */
    public final int length() { return length; }
    /** NUMERIC precision, or 0 when unspecified. */
    public final int precision() { return precision; }
    public final int scale() { return scale; }
    /** The {@link java.sql.Types} code used to bind SQL NULL. */
    public final int jdbcType() { return jdbcType; }

    /** Binds a non-null value; nulls are handled by {@link #bind}. */
    protected abstract void bindNonNull(PreparedStatement ps, int index, T value) throws SQLException;

    @Override
    public void bind(PreparedStatement ps, int index, T value) throws SQLException {
        if (value == null) ps.setNull(index, jdbcType);
        else bindNonNull(ps, index, value);
    }

    /** Casts an arbitrary object to this type's Java class with a message that names both. */
    public T cast(Object value) {
        if (value == null || javaType.isInstance(value)) return javaType.cast(value);
        T coerced = coerce(value);
        if (coerced != null) return coerced;
        throw new IllegalArgumentException("value " + value + " of " + value.getClass().getName()
                + " does not fit SQL type " + this + " (expected " + javaType.getName() + ")");
    }

    /** Widening conversions (an Integer given for a BIGINT column, ...); null when none applies. */
    protected T coerce(Object value) { return null; }

    /** A type stored as {@code base} and seen by Java as {@code J} (SQLAlchemy's TypeDecorator). */
    public static <J, B> SqlType<J> converted(SqlType<B> base, Class<J> javaType,
                                              Function<? super J, ? extends B> toDb,
                                              Function<? super B, ? extends J> fromDb) {
        return new ConvertedType<>(base, javaType, toDb, fromDb);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) return true;
        if (o == null || o.getClass() != getClass()) return false;
        SqlType<?> t = (SqlType<?>) o;
        return kind == t.kind && javaType == t.javaType && length == t.length
                && precision == t.precision && scale == t.scale;
    }

    @Override
    public int hashCode() {
        return ((kind.hashCode() * 31 + javaType.hashCode()) * 31 + length) * 31 + precision * 7 + scale;
    }

    @Override
    public String toString() {
        return switch (kind) {
            case VARCHAR -> length > 0 ? "VARCHAR(" + length + ")" : "VARCHAR";
            case NUMERIC -> precision > 0 ? "NUMERIC(" + precision + ", " + scale + ")" : "NUMERIC";
            case ENUM -> "ENUM(" + javaType.getSimpleName() + ")";
            default -> kind.name();
        };
    }

    static int nullType(TypeKind kind) {
        return switch (kind) {
            case SMALLINT -> Types.SMALLINT;
            case INTEGER -> Types.INTEGER;
            case BIGINT -> Types.BIGINT;
            case BOOLEAN -> Types.BOOLEAN;
            case NUMERIC -> Types.NUMERIC;
            case REAL -> Types.REAL;
            case DOUBLE -> Types.DOUBLE;
            case DATE -> Types.DATE;
            case TIME -> Types.TIME;
            case TIMESTAMP -> Types.TIMESTAMP;
            case TIMESTAMP_TZ -> Types.TIMESTAMP_WITH_TIMEZONE;
            case BLOB -> Types.BINARY;
            case NULL -> Types.NULL;
            case OTHER -> Types.OTHER;
            default -> Types.VARCHAR;
        };
    }
}
