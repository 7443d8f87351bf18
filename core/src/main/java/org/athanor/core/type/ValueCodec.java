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

    /** Reads the value at {@code index}; SQL NULL reads as Java null. */
    T read(ResultSet rs, int index) throws SQLException;
}
