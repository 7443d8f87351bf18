package org.athanor.core.sql;

import org.athanor.core.type.SqlType;
import org.athanor.core.type.SqlTypes;

/** {@code NOT (operand)}. */
public record Not(Expression<Boolean> operand) implements Condition {
    @Override public SqlType<Boolean> type() { return SqlTypes.BOOLEAN; }
    @Override public void accept(SqlVisitor c) { c.visitNot(this); }
    @Override public void key(KeyBuilder k) { k.add(Not.class); operand.key(k); }
}
