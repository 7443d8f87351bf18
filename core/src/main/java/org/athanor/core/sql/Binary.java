package org.athanor.core.sql;

import org.athanor.core.compile.KeyBuilder;
import org.athanor.core.compile.SqlCompiler;
import org.athanor.core.type.SqlType;

/** {@code left op right} for arithmetic and concatenation. */
public record Binary<T>(Expression<?> left, Operator op, Expression<?> right, SqlType<T> type) implements Expression<T> {
    @Override public void accept(SqlCompiler c) { c.visitBinary(this); }
    @Override public void key(KeyBuilder k) { k.add(op); left.key(k); right.key(k); }
}
