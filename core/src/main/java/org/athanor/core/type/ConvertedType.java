package org.athanor.core.type;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Objects;
import java.util.function.Function;

/** A user type stored through a base type; see {@link SqlType#converted}. */
public final class ConvertedType<J, B> extends SqlType<J> {
    private final SqlType<B> base;
    private final Function<? super J, ? extends B> toDb;
    private final Function<? super B, ? extends J> fromDb;

    ConvertedType(SqlType<B> base, Class<J> javaType, Function<? super J, ? extends B> toDb,
                  Function<? super B, ? extends J> fromDb) {
        super(javaType, base.kind(), base.length(), base.precision(), base.scale(), base.jdbcType());
        this.base = Objects.requireNonNull(base, "base");
        this.toDb = Objects.requireNonNull(toDb, "toDb");
        this.fromDb = Objects.requireNonNull(fromDb, "fromDb");
    }

    public SqlType<B> base() { return base; }

    public B toDb(J value) { return value == null ? null : toDb.apply(value); }

    public J fromDb(B value) { return value == null ? null : fromDb.apply(value); }

    /** Wraps a dialect's codec for the base type with this type's conversions. */
    public ValueCodec<J> wrap(ValueCodec<B> baseCodec) {
        return new ValueCodec<>() {
            @Override public void bind(PreparedStatement ps, int index, J value) throws SQLException {
                baseCodec.bind(ps, index, toDb(value));
            }
            @Override public J read(ResultSet rs, int index) throws SQLException {
                return fromDb(baseCodec.read(rs, index));
            }
        };
    }

    @Override
    protected void bindNonNull(PreparedStatement ps, int index, J value) throws SQLException {
        base.bind(ps, index, toDb.apply(value));
    }

    @Override
    public J read(ResultSet rs, int index) throws SQLException {
        return fromDb(base.read(rs, index));
    }

    @Override
    public boolean equals(Object o) { return this == o; }

    @Override
    public int hashCode() { return System.identityHashCode(this); }

    @Override
    public String toString() { return javaType().getSimpleName() + " AS " + base; }
}
