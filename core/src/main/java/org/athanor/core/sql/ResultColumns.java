package org.athanor.core.sql;

import java.util.List;
import org.athanor.core.type.SqlType;
import org.athanor.core.type.ValueCodec;

/**
 * The result columns of a compiled statement, as a {@link org.athanor.core.engine.RowReader} reads
 * them: for column {@code i} (0-based) its name, its SQL type and the codec that reads it from JDBC
 * column {@code i + 1}.
 * <pre>{@code
 * RowReader<Object> first = (rs, columns) -> columns.resultCodecs()[0].read(rs, 1);
 * }</pre>
 * Implemented by core's compiled statement templates only.
 */
public interface ResultColumns {
    List<String> resultNames();

    /** The SQL types of the result columns (empty for a statement without rows, or a {@code text()} query). */
    List<SqlType<?>> resultTypes();

    /** The codec of each result column; the array is shared: read it, never write to it. */
    ValueCodec<Object>[] resultCodecs();

    /** The names and expressions a {@link org.athanor.core.sql.Row} of these columns looks values up by. */
    RowLayout layout();
}
