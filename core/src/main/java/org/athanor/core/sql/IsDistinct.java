package org.athanor.core.sql;

import org.athanor.core.type.SqlType;
import org.athanor.core.type.SqlTypes;

/** {@code a IS [NOT] DISTINCT FROM b}: comparison where NULL equals NULL. */
public record IsDistinct(Expression<?> left, Expression<?> right, boolean negated) implements Condition {
    @Override public SqlType<Boolean> type() { return SqlTypes.BOOLEAN; }
    @Override public void accept(SqlVisitor c) { c.visitIsDistinct(this); }
    @Override public void key(KeyBuilder k) { k.add(IsDistinct.class); k.add(negated); left.key(k); right.key(k); }
}
