package org.athanor.core.sql;

import org.athanor.core.type.SqlType;

/** {@code function OVER (window)}: a window function or an aggregate over a window. */
public record Over<T>(Expression<T> function, Window window) implements Expression<T> {
    @Override public SqlType<T> type() { return function.type(); }
    @Override public void accept(SqlVisitor c) { c.visitOver(this); }
    @Override public void key(KeyBuilder k) { k.add(Over.class); function.key(k); window.key(k); }
}
