package org.athanor.core.sql;

import org.athanor.core.type.SqlType;

/** {@code CAST(x AS type)}; the dialect spells the type. */
public record Cast<T>(Expression<?> operand, SqlType<T> type) implements Expression<T> {
    @Override public void accept(SqlVisitor c) { c.visitCast(this); }
    @Override public void key(KeyBuilder k) { k.add(Cast.class); k.add(type); operand.key(k); }
}
