package org.athanor.core.sql;

import org.athanor.core.type.SqlType;
import org.athanor.core.type.SqlTypes;

/** {@code x [NOT] BETWEEN low AND high}. */
public record Between(Expression<?> operand, Expression<?> low, Expression<?> high, boolean negated) implements Condition {
    @Override public SqlType<Boolean> type() { return SqlTypes.BOOLEAN; }
    @Override public void accept(SqlVisitor c) { c.visitBetween(this); }
    @Override public void key(KeyBuilder k) { k.add(Between.class); k.add(negated); operand.key(k); low.key(k); high.key(k); }
}
