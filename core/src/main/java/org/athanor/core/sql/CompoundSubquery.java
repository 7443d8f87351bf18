package org.athanor.core.sql;

import org.athanor.core.schema.Column;
import org.athanor.core.schema.Table;

/**
 * A set operation as a derived table, {@code (a UNION b) AS alias}, usable in FROM and joins:
 * <pre>{@code
 * CompoundSubquery both = select(A.NAME).union(select(B.NAME)).subquery("both");
 * select(count()).from(both);
 * }</pre>
 * Columns are named after the first member's select list.
 */
public final class CompoundSubquery extends Table {
    private final CompoundSelect<?> query;

    CompoundSubquery(CompoundSelect<?> query, String alias) {
        super(alias);
        this.query = query;
        for (Expression<?> e : query.columns()) addColumn(this, Select.nameOf(e), e.type());
    }

    public CompoundSelect<?> query() { return query; }

    /** The column of this derived table that exposes {@code inner} from the first member's select list. */
    @SuppressWarnings("unchecked")
    public <T> Column<T> get(Expression<T> inner) {
        int i = query.columns().indexOf(inner);
        if (i < 0) return (Column<T>) column(Select.nameOf(inner));
        return (Column<T>) columns().get(i);
    }

    @Override public boolean isDerived() { return true; }
    @Override public Table as(String alias) { return new CompoundSubquery(query, alias); }
    @Override public void accept(SqlVisitor c) { c.visitCompoundSubquery(this); }
    @Override public void key(KeyBuilder k) { k.add(CompoundSubquery.class); k.add(name()); declareName(k); query.key(k); }
}
