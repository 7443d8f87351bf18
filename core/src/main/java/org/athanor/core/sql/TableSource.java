package org.athanor.core.sql;

import java.util.List;
import org.athanor.core.schema.Table;

/**
 * Implemented by expression nodes added later (CASE, window functions, dialect extensions) that
 * contain columns: tells FROM inference which tables they draw on.
 */
public interface TableSource {
    List<Table> sourceTables();
}
