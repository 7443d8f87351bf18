package org.athanor.core.sql;

import org.athanor.core.schema.Column;
import org.athanor.core.schema.Table;

/**
 * A table made from a SELECT in FROM ({@link Subquery}, {@link Lateral}). Its columns are named
 * after the select list's labels or column names; {@link #get(Expression)} finds the column derived
 * from an expression of the select list.
 */
public abstract class DerivedTable extends Table {
    private final Select<?> select;

    DerivedTable(Select<?> select, String alias) {
        super(alias);
        this.select = select;
        for (Expression<?> e : select.columns()) addColumn(this, Select.nameOf(e), e.type());
    }

    public final Select<?> select() { return select; }

    /** The column of this derived table that exposes {@code inner} from the select list. */
    @SuppressWarnings("unchecked")
    public final <T> Column<T> get(Expression<T> inner) {
        int i = select.columns().indexOf(inner);
        if (i < 0) return (Column<T>) column(Select.nameOf(inner));
        return (Column<T>) columns().get(i);
    }

    @Override public final boolean isDerived() { return true; }
}
