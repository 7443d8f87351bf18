package org.athanor.core.sql;

import java.util.List;
import org.athanor.core.type.SqlType;
import org.athanor.core.type.SqlTypes;

/** A row value {@code (a, b)}, for tuple IN and row comparisons. */
public record Tuple(List<Expression<?>> items) implements Expression<Object> {
    public Tuple { items = List.copyOf(items); }
    @Override public SqlType<Object> type() { return SqlTypes.ANY; }
    @Override public void accept(SqlVisitor c) { c.visitTuple(this); }
    @Override public void key(KeyBuilder k) { k.add(Tuple.class); k.add(items.size()); for (var i : items) i.key(k); }
}
