package org.athanor.core.sql;

import org.athanor.core.compile.KeyBuilder;
import org.athanor.core.compile.SqlCompiler;
import org.athanor.core.schema.Column;
import org.athanor.core.schema.Table;

/**
 * A derived table {@code (SELECT ...) AS alias}. Its columns are named after the select list's
 * labels or column names; {@link #get(Expression)} finds the column derived from an expression.
 */
public final class Subquery extends Table {
    private final Select<?> select;

    Subquery(Select<?> select, String alias) {
        super(alias);
        this.select = select;
        for (Expression<?> e : select.columns()) addColumn(this, Select.nameOf(e), e.type());
    }

    public Select<?> select() { return select; }

    /** The column of this derived table that exposes {@code inner} from the select list. */
    @SuppressWarnings("unchecked")
    public <T> Column<T> get(Expression<T> inner) {
        int i = select.columns().indexOf(inner);
        if (i < 0) return (Column<T>) column(Select.nameOf(inner));
        return (Column<T>) columns().get(i);
    }

    @Override public boolean isDerived() { return true; }
    @Override public Table as(String alias) { return new Subquery(select, alias); }
    @Override public void accept(SqlCompiler c) { c.visitSubquery(this); }
    @Override public void key(KeyBuilder k) { k.add(Subquery.class); k.add(name()); select.key(k); }
}
