package org.athanor.core.sql;

import java.util.ArrayList;
import java.util.List;
import org.athanor.core.schema.Table;

/**
 * An immutable DELETE.
 * <pre>{@code deleteFrom(USERS).where(USERS.ID.eq(7L))}</pre>
 */
public final class Delete implements Dml, Cloneable {
    private final Table table;
    private Expression<Boolean> where;
    private List<FromItem> using = List.of();
    private List<Expression<?>> returning = List.of();

    Delete(Table table) {
        if (table.isDerived()) throw new IllegalArgumentException("deleteFrom() needs a table, not a subquery: " + table);
        this.table = table;
    }

    private Delete copy() {
        try {
            return (Delete) super.clone();
        } catch (CloneNotSupportedException e) {
            throw new AssertionError(e);
        }
    }

    @Override public Table table() { return table; }
    public Expression<Boolean> where() { return where; }
    /** Extra tables of DELETE ... USING (PostgreSQL) or multi-table DELETE (MySQL). */
    public List<FromItem> using() { return using; }
    @Override public List<Expression<?>> returningColumns() { return returning; }

    @SafeVarargs
    public final Delete where(Expression<Boolean>... conditions) {
        Delete s = copy();
        s.where = Sql.andAll(where, conditions);
        return s;
    }

    public Delete using(FromItem... items) {
        Delete s = copy();
        List<FromItem> u = new ArrayList<>(using);
        u.addAll(List.of(items));
        s.using = List.copyOf(u);
        return s;
    }

    /** This DELETE with {@code items} as its whole USING list (the compiler adds implied tables this way). */
    public Delete withUsing(List<? extends FromItem> items) {
        Delete s = copy();
        s.using = List.copyOf(items);
        return s;
    }

    public Returning<Row> returning(Expression<?>... cols) {
        Delete s = copy();
        s.returning = List.of(cols);
        return new Returning<>(s, RowKind.ROW);
    }

    @Override public void accept(SqlVisitor c) { c.visitDelete(this); }

    @Override
    public void key(KeyBuilder k) {
        k.add(Delete.class);
        table.key(k);
        k.list(using);
        k.opt(where);
        k.list(returning);
    }

    @Override public String toString() { return Sql.render(this); }
}
