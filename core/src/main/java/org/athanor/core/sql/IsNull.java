package org.athanor.core.sql;

import org.athanor.core.type.SqlType;
import org.athanor.core.type.SqlTypes;

/** {@code x IS [NOT] NULL}. */
public record IsNull(Expression<?> operand, boolean negated) implements Condition {
    @Override public SqlType<Boolean> type() { return SqlTypes.BOOLEAN; }
    @Override public void accept(SqlVisitor c) { c.visitIsNull(this); }
    @Override public void key(KeyBuilder k) { k.add(IsNull.class); k.add(negated); operand.key(k); }
}
