package org.athanor.core.type;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The standard SQL types. Import statically: {@code import static org.athanor.core.type.SqlTypes.*;}
 *
 * <p>The codecs here are the portable JDBC 4.2 ones (java.time through {@code setObject/getObject});
 * a dialect replaces a codec where its driver needs something else (SQLite keeps dates as ISO text).
 */
public final class SqlTypes {
    private SqlTypes() {}

    public static final SqlType<Short> SMALLINT = new Simple<>(Short.class, TypeKind.SMALLINT) {
        @Override protected void bindNonNull(PreparedStatement ps, int i, Short v) throws SQLException { ps.setShort(i, v); }
        @Override public Short read(ResultSet rs, int i) throws SQLException { short v = rs.getShort(i); return rs.wasNull() ? null : v; }
        @Override protected Short coerce(Object v) { return v instanceof Number n && n.shortValue() == n.longValue() ? n.shortValue() : null; }
    };
    public static final SqlType<Integer> INTEGER = new Simple<>(Integer.class, TypeKind.INTEGER) {
        @Override protected void bindNonNull(PreparedStatement ps, int i, Integer v) throws SQLException { ps.setInt(i, v); }
        @Override public Integer read(ResultSet rs, int i) throws SQLException { int v = rs.getInt(i); return v == 0 && rs.wasNull() ? null : v; }
        @Override protected Integer coerce(Object v) {
            return (v instanceof Short || v instanceof Byte || (v instanceof Long l && l == l.intValue())) ? ((Number) v).intValue() : null;
        }
    };
    public static final SqlType<Long> BIGINT = new Simple<>(Long.class, TypeKind.BIGINT) {
        @Override protected void bindNonNull(PreparedStatement ps, int i, Long v) throws SQLException { ps.setLong(i, v); }
        @Override public Long read(ResultSet rs, int i) throws SQLException { long v = rs.getLong(i); return v == 0 && rs.wasNull() ? null : v; }
        @Override protected Long coerce(Object v) {
            return (v instanceof Integer || v instanceof Short || v instanceof Byte) ? ((Number) v).longValue() : null;
        }
    };
    public static final SqlType<Boolean> BOOLEAN = new Simple<>(Boolean.class, TypeKind.BOOLEAN) {
        @Override protected void bindNonNull(PreparedStatement ps, int i, Boolean v) throws SQLException { ps.setBoolean(i, v); }
        @Override public Boolean read(ResultSet rs, int i) throws SQLException { boolean v = rs.getBoolean(i); return !v && rs.wasNull() ? null : v; }
    };
    public static final SqlType<String> TEXT = new StringType(TypeKind.TEXT, 0);
    /** VARCHAR without a length; dialects that require one (MySQL) reject it in DDL with a clear error. */
    public static final SqlType<String> VARCHAR = new StringType(TypeKind.VARCHAR, 0);
    public static final SqlType<Float> REAL = new Simple<>(Float.class, TypeKind.REAL) {
        @Override protected void bindNonNull(PreparedStatement ps, int i, Float v) throws SQLException { ps.setFloat(i, v); }
        @Override public Float read(ResultSet rs, int i) throws SQLException { float v = rs.getFloat(i); return v == 0 && rs.wasNull() ? null : v; }
    };
    public static final SqlType<Double> DOUBLE = new Simple<>(Double.class, TypeKind.DOUBLE) {
        @Override protected void bindNonNull(PreparedStatement ps, int i, Double v) throws SQLException { ps.setDouble(i, v); }
        @Override public Double read(ResultSet rs, int i) throws SQLException { double v = rs.getDouble(i); return v == 0 && rs.wasNull() ? null : v; }
        @Override protected Double coerce(Object v) { return v instanceof Number n && !(v instanceof BigDecimal) ? n.doubleValue() : null; }
    };
    public static final SqlType<BigDecimal> NUMERIC = new NumericType(0, 0);
    public static final SqlType<LocalDate> DATE = new ObjectType<>(LocalDate.class, TypeKind.DATE);
    public static final SqlType<LocalTime> TIME = new ObjectType<>(LocalTime.class, TypeKind.TIME);
    public static final SqlType<LocalDateTime> TIMESTAMP = new ObjectType<>(LocalDateTime.class, TypeKind.TIMESTAMP);
    /** TIMESTAMP WITH TIME ZONE as an OffsetDateTime; read back at UTC on MySQL/MariaDB and SQLite (which keep UTC), at the session's zone on PostgreSQL. */
    public static final SqlType<OffsetDateTime> TIMESTAMPTZ = new ObjectType<>(OffsetDateTime.class, TypeKind.TIMESTAMP_TZ);
    /**
     * TIMESTAMP WITH TIME ZONE as an {@link java.time.Instant}: the same column type and storage as
     * {@link #TIMESTAMPTZ} (the DDL is the same), bound as the instant at UTC and read back as the
     * instant, whatever offset the database reports. The type for {@code Instant} values:
     * <pre>{@code
     * public final Column<Instant> CREATED = column("created", TIMESTAMPTZ_INSTANT, notNull());
     * }</pre>
     * Precision is the database's: microseconds on PostgreSQL and MySQL/MariaDB (DATETIME(6)),
     * nanoseconds kept on SQLite.
     */
    public static final SqlType<java.time.Instant> TIMESTAMPTZ_INSTANT = SqlType.converted(TIMESTAMPTZ, java.time.Instant.class,
            i -> i.atOffset(java.time.ZoneOffset.UTC), OffsetDateTime::toInstant);
    /** UUIDs; stored natively where the database has a UUID type, else as 36-character text. */
    public static final SqlType<UUID> UUID_TYPE = new Simple<>(UUID.class, TypeKind.UUID) {
        @Override protected void bindNonNull(PreparedStatement ps, int i, UUID v) throws SQLException { ps.setString(i, v.toString()); }
        @Override public UUID read(ResultSet rs, int i) throws SQLException {
            Object o = rs.getObject(i);
            return o == null ? null : o instanceof UUID u ? u : java.util.UUID.fromString(o.toString());
        }
    };
    /** Same as {@link #UUID_TYPE}; the short name reads better under a static import. */
    public static final SqlType<UUID> UUID = UUID_TYPE;
    public static final SqlType<byte[]> BLOB = new Simple<>(byte[].class, TypeKind.BLOB) {
        @Override protected void bindNonNull(PreparedStatement ps, int i, byte[] v) throws SQLException { ps.setBytes(i, v); }
        @Override public byte[] read(ResultSet rs, int i) throws SQLException { return rs.getBytes(i); }
    };
    public static final SqlType<byte[]> BYTES = BLOB;
    /** JSON documents, as their text. */
    public static final SqlType<String> JSON = new StringType(TypeKind.JSON, 0);

    /**
     * Whether {@code type} is one of the types defined here (not a converted type, an enum type or a
     * type of a dialect module or an application), whose values bind as they are.
     */
    public static boolean isBuiltIn(SqlType<?> type) {
        return DEFINED_HERE.get(type.getClass()) && !(type instanceof EnumType<?>);
    }

    /** Per class, whether it is declared in this class: asked at every bulk insert's planning, and Class.getEnclosingClass is slow. */
    private static final ClassValue<Boolean> DEFINED_HERE = new ClassValue<>() {
        @Override protected Boolean computeValue(Class<?> c) { return c.getEnclosingClass() == SqlTypes.class; }
    };

    public static SqlType<String> varchar(int length) {
        if (length <= 0) throw new IllegalArgumentException("varchar length must be positive, got " + length);
        return new StringType(TypeKind.VARCHAR, length);
    }

    /**
     * NUMERIC(precision, scale), as BigDecimal. A value with more decimals than {@code scale} is
     * rounded to it, half away from zero ({@link java.math.RoundingMode#HALF_UP}); one whose integer
     * part (after rounding) has more than {@code precision - scale} digits is refused with a
     * {@link org.athanor.core.error.DataError}. PostgreSQL and MariaDB/MySQL (strict mode, which
     * Athanor sets) do this themselves; on SQLite, which ignores the declaration, the dialect rounds
     * and checks on bind, so all three store {@code 8.99} for {@code 8.991} in a NUMERIC(8, 2).
     * Values are read back at the declared scale.
     */
    public static SqlType<BigDecimal> numeric(int precision, int scale) {
        if (precision <= 0 || scale < 0 || scale > precision)
            throw new IllegalArgumentException("numeric(precision, scale) needs 0 < precision and 0 <= scale <= precision, got ("
                    + precision + ", " + scale + ")");
        return new NumericType(precision, scale);
    }

    /** A Java enum stored by {@link Enum#name()}. */
    public static <E extends Enum<E>> SqlType<E> enumOf(Class<E> type) {
        return new EnumType<>(type);
    }

    private static final Map<Class<?>, SqlType<?>> BY_CLASS = new ConcurrentHashMap<>(Map.ofEntries(
            Map.entry(Short.class, SMALLINT), Map.entry(Integer.class, INTEGER), Map.entry(Long.class, BIGINT),
            Map.entry(Boolean.class, BOOLEAN), Map.entry(String.class, VARCHAR), Map.entry(Float.class, REAL),
            Map.entry(Double.class, DOUBLE), Map.entry(BigDecimal.class, NUMERIC), Map.entry(LocalDate.class, DATE),
            Map.entry(LocalTime.class, TIME), Map.entry(LocalDateTime.class, TIMESTAMP),
            Map.entry(OffsetDateTime.class, TIMESTAMPTZ), Map.entry(java.time.Instant.class, TIMESTAMPTZ_INSTANT),
            Map.entry(java.util.UUID.class, UUID_TYPE),
            Map.entry(byte[].class, BLOB)));

    /**
     * One shared instance: converted types compare by identity, so a new one per value would make every
     * statement a new cache key and grow each dialect's codec map without bound.
     */
    private static final SqlType<BigInteger> BIG_INTEGER =
            SqlType.converted(NUMERIC, BigInteger.class, BigDecimal::new, BigDecimal::toBigIntegerExact);

    /** The natural type for values of a Java class, for bind parameters given without a column. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static <T> SqlType<T> forClass(Class<T> cls) {
        SqlType<?> t = BY_CLASS.get(cls);
        if (t != null) return (SqlType<T>) t;
        if (cls.isEnum()) return (SqlType<T>) enumOf((Class) cls);
        if (cls == BigInteger.class) return (SqlType<T>) BIG_INTEGER;
        throw new IllegalArgumentException("no SQL type is known for Java class " + cls.getName()
                + "; give the type explicitly (Sql.param(value, type)) or use SqlType.converted");
    }

    /** The natural type of a value; null maps to a type-less NULL. */
    @SuppressWarnings("unchecked")
    public static <T> SqlType<T> forValue(T value) {
        if (value == null) return (SqlType<T>) NULL;
        if (value instanceof Enum<?> e) return (SqlType<T>) forClass(e.getDeclaringClass());
        return forClass((Class<T>) value.getClass());
    }

    /** The type of a bare NULL literal. */
    public static final SqlType<Object> NULL = new Simple<>(Object.class, TypeKind.NULL) {
        @Override protected void bindNonNull(PreparedStatement ps, int i, Object v) throws SQLException { ps.setObject(i, v); }
        @Override public Object read(ResultSet rs, int i) throws SQLException { return rs.getObject(i); }
    };

    /** Any value read as the driver gives it (untyped columns of reflected or text statements). */
    public static final SqlType<Object> ANY = new Simple<>(Object.class, TypeKind.OTHER) {
        @Override protected void bindNonNull(PreparedStatement ps, int i, Object v) throws SQLException { ps.setObject(i, v); }
        @Override public Object read(ResultSet rs, int i) throws SQLException { return rs.getObject(i); }
    };

    abstract static class Simple<T> extends SqlType<T> {
        Simple(Class<T> cls, TypeKind kind) { super(cls, kind, 0, 0, 0, nullType(kind)); }
    }

    static final class StringType extends SqlType<String> {
        StringType(TypeKind kind, int length) { super(String.class, kind, length, 0, 0, nullType(kind)); }
        /** Refuses lone surrogates, which every driver would silently send as '?' (see {@link TextValues}). */
        @Override protected void bindNonNull(PreparedStatement ps, int i, String v) throws SQLException {
            check(v);
            ps.setString(i, v);
        }
        @Override public void check(String v) throws SQLException { TextValues.check(v, false, this, "the database"); }
        @Override public String read(ResultSet rs, int i) throws SQLException { return rs.getString(i); }
    }

    static final class NumericType extends SqlType<BigDecimal> {
        NumericType(int precision, int scale) { super(BigDecimal.class, TypeKind.NUMERIC, 0, precision, scale, java.sql.Types.NUMERIC); }
        @Override protected void bindNonNull(PreparedStatement ps, int i, BigDecimal v) throws SQLException { ps.setBigDecimal(i, v); }
        @Override public BigDecimal read(ResultSet rs, int i) throws SQLException { return rs.getBigDecimal(i); }
        @Override protected BigDecimal coerce(Object v) {
            if (v instanceof Long || v instanceof Integer || v instanceof Short) return BigDecimal.valueOf(((Number) v).longValue());
            if (v instanceof Double || v instanceof Float) return BigDecimal.valueOf(((Number) v).doubleValue());
            if (v instanceof BigInteger b) return new BigDecimal(b);
            return null;
        }
    }

    static final class ObjectType<T> extends SqlType<T> {
        ObjectType(Class<T> cls, TypeKind kind) { super(cls, kind, 0, 0, 0, nullType(kind)); }
        @Override protected void bindNonNull(PreparedStatement ps, int i, T v) throws SQLException { ps.setObject(i, v); }
        @Override public T read(ResultSet rs, int i) throws SQLException { return rs.getObject(i, javaType()); }
    }

    /** Enums by name; the constant names are available for DDL (CHECK or native ENUM). */
    public static final class EnumType<E extends Enum<E>> extends SqlType<E> {
        EnumType(Class<E> cls) { super(cls, TypeKind.ENUM, 0, 0, 0, java.sql.Types.VARCHAR); }
        @Override protected void bindNonNull(PreparedStatement ps, int i, E v) throws SQLException { ps.setString(i, v.name()); }
        @Override public E read(ResultSet rs, int i) throws SQLException {
            String s = rs.getString(i);
            if (s == null) return null;
            try {
                return Enum.valueOf(javaType(), s);
            } catch (IllegalArgumentException e) {
                throw new SQLException("value '" + s + "' read from the database is not a constant of " + javaType().getName(), e);
            }
        }
        /** Constant names, in declaration order. */
        public java.util.List<String> names() {
            return java.util.Arrays.stream(javaType().getEnumConstants()).map(Enum::name).toList();
        }
        /** Longest constant name, for a VARCHAR column sized to fit. */
        public int maxLength() { return names().stream().mapToInt(String::length).max().orElse(1); }
    }
}
