package org.athanor.core.sql;

import org.athanor.core.type.SqlType;

/** A prefix operator ({@code -x}). */
public record Unary<T>(Operator op, Expression<?> operand, SqlType<T> type) implements Expression<T> {
    @Override public void accept(SqlVisitor c) { c.visitUnary(this); }
    @Override public void key(KeyBuilder k) { k.add(Unary.class); k.add(op); operand.key(k); }
}
