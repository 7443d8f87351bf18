package org.athanor.core.type;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Moves one value between Java and JDBC, by column index. {@link SqlType} is the portable codec;
 * a dialect may hand out another one for the same type where its driver needs it
 * (see {@code Dialect.codec}).
 */
public interface ValueCodec<T> {
    /** Binds {@code value} (possibly null) at {@code index}. */
    void bind(PreparedStatement ps, int index, T value) throws SQLException;

    /**
     * Refuses a non-null value the database would store changed, with an SQLException whose
     * SQLSTATE is of class 22 (a {@link org.athanor.core.error.DataError}); {@link #bind} makes
     * the same check. For paths that send values without binding them one by one (PostgreSQL's
     * column arrays). Accepts everything by default.
     */
    default void check(T value) throws SQLException {}

    /** Reads the value at {@code index}; SQL NULL reads as Java null. */
    T read(ResultSet rs, int index) throws SQLException;
}
