package org.athanor.core.engine;

import java.sql.ResultSet;
import java.sql.SQLException;
import org.athanor.core.internal.compile.CompiledTemplate;

/** Turns the current row of a ResultSet into a Java value, reading by column index. */
@FunctionalInterface
public interface RowReader<R> {
    R read(ResultSet rs, CompiledTemplate template) throws SQLException;
}
