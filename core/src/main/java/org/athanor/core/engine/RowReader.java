package org.athanor.core.engine;

import java.sql.ResultSet;
import java.sql.SQLException;
import org.athanor.core.sql.ResultColumns;

/**
 * Turns the current row of a ResultSet into a Java value, reading by column index through the
 * statement's result columns:
 * <pre>{@code
 * List<String> names = conn.execute(select(USERS.NAME), (rs, columns) -> (String) columns.resultCodecs()[0].read(rs, 1)).all();
 * }</pre>
 */
@FunctionalInterface
public interface RowReader<R> {
    R read(ResultSet rs, ResultColumns columns) throws SQLException;
}
