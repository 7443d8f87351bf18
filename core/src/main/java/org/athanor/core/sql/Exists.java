package org.athanor.core.sql;

import org.athanor.core.type.SqlType;
import org.athanor.core.type.SqlTypes;

/** {@code EXISTS (SELECT ...)}. */
public record Exists(Select<?> select) implements Condition {
    @Override public SqlType<Boolean> type() { return SqlTypes.BOOLEAN; }
    @Override public void accept(SqlVisitor c) { c.visitExists(this); }
    @Override public void key(KeyBuilder k) { k.add(Exists.class); select.key(k); }
}
