package org.athanor.core.sql;

import java.util.List;
import org.athanor.core.schema.Table;

/** INSERT, UPDATE or DELETE. Executing one returns its row count; add {@code returning(...)} for rows. */
public interface Dml extends Statement {
    Table table();

    /** The RETURNING columns, empty when none were asked for. */
    List<Expression<?>> returningColumns();
}
