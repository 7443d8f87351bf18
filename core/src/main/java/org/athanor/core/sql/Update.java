package org.athanor.core.sql;

import java.util.ArrayList;
import java.util.List;
import org.athanor.core.schema.Column;
import org.athanor.core.schema.Table;

/**
 * An immutable UPDATE.
 * <pre>{@code update(USERS).set(USERS.AGE, 31).where(USERS.NAME.eq("Alice"))}</pre>
 */
public final class Update implements Dml, Cloneable {
    /** One {@code column = value} of the SET clause. */
    public record Assignment(Column<?> column, Expression<?> value) {}

    private final Table table;
    private List<Assignment> assignments = List.of();
    private Expression<Boolean> where;
    private List<FromItem> from = List.of();
    private List<Expression<?>> returning = List.of();

    Update(Table table) {
        if (table.isDerived()) throw new IllegalArgumentException("update() needs a table, not a subquery: " + table);
        this.table = table;
    }

    private Update copy() {
        try {
            return (Update) super.clone();
        } catch (CloneNotSupportedException e) {
            throw new AssertionError(e);
        }
    }

    @Override public Table table() { return table; }
    public List<Assignment> assignments() { return assignments; }
    public Expression<Boolean> where() { return where; }
    /** Extra tables of UPDATE ... FROM (PostgreSQL) or multi-table UPDATE (MySQL). */
    public List<FromItem> from() { return from; }
    @Override public List<Expression<?>> returningColumns() { return returning; }

    public <T> Update set(Column<T> column, T value) { return set(column, column.bind(value)); }

    public <T> Update set(Column<T> column, Expression<? extends T> value) {
        if (column.table() != table)
            throw new IllegalArgumentException("column " + column + " does not belong to table " + table.name());
        Update s = copy();
        List<Assignment> a = new ArrayList<>(assignments);
        a.removeIf(x -> x.column() == column);
        a.add(new Assignment(column, value));
        s.assignments = List.copyOf(a);
        return s;
    }

    @SafeVarargs
    public final Update where(Expression<Boolean>... conditions) {
        Update s = copy();
        s.where = Sql.andAll(where, conditions);
        return s;
    }

    /** Adds tables to UPDATE ... FROM; the WHERE clause joins them. */
    public Update from(FromItem... items) {
        Update s = copy();
        List<FromItem> f = new ArrayList<>(from);
        f.addAll(List.of(items));
        s.from = List.copyOf(f);
        return s;
    }

    /** This UPDATE with {@code items} as its whole FROM list (the compiler adds implied tables this way). */
    public Update withFrom(List<? extends FromItem> items) {
        Update s = copy();
        s.from = List.copyOf(items);
        return s;
    }

    public Returning<Row> returning(Expression<?>... cols) {
        Update s = copy();
        s.returning = List.of(cols);
        return new Returning<>(s, RowKind.ROW);
    }

    @Override public void accept(SqlVisitor c) { c.visitUpdate(this); }

    @Override
    public void key(KeyBuilder k) {
        // one token says which optional clauses follow (see Select#key); the SET list is never empty when compiled
        k.add(Update.class);
        k.add((from.isEmpty() ? 0 : 1) | (where == null ? 0 : 2) | (returning.isEmpty() ? 0 : 4));
        table.key(k);
        k.add(assignments.size());
        for (int i = 0, n = assignments.size(); i < n; i++) {
            Assignment a = assignments.get(i);
            a.column().key(k);
            a.value().key(k);
        }
        if (!from.isEmpty()) k.list(from);
        if (where != null) where.key(k);
        if (!returning.isEmpty()) k.list(returning);
    }

    @Override public String toString() { return Sql.render(this); }
}
