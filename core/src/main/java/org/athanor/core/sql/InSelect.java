package org.athanor.core.sql;

import org.athanor.core.type.SqlType;
import org.athanor.core.type.SqlTypes;

/** {@code x [NOT] IN (SELECT ...)}; the subquery is a {@link Select} or a {@link CompoundSelect}. */
public record InSelect(Expression<?> operand, Query<?> subquery, boolean negated) implements Condition {
    @Override public SqlType<Boolean> type() { return SqlTypes.BOOLEAN; }
    @Override public void accept(SqlVisitor c) { c.visitInSelect(this); }
    @Override public void key(KeyBuilder k) { k.add(InSelect.class); k.add(negated); operand.key(k); subquery.key(k); }
}
