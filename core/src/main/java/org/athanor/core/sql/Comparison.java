package org.athanor.core.sql;

import org.athanor.core.type.SqlType;
import org.athanor.core.type.SqlTypes;

/** {@code left op right} for {@code = <> < <= > >=}. */
public record Comparison(Expression<?> left, Operator op, Expression<?> right) implements Condition {
    @Override public SqlType<Boolean> type() { return SqlTypes.BOOLEAN; }
    @Override public void accept(SqlVisitor c) { c.visitComparison(this); }
    @Override public void key(KeyBuilder k) { k.add(Comparison.class); k.add(op); left.key(k); right.key(k); }
}
