package org.athanor.core.sql;

import org.athanor.core.type.SqlType;

/** {@code (SELECT x ...)} used as a value; correlated with the enclosing query automatically. */
public record ScalarSubquery<T>(Select<?> select, SqlType<T> type) implements Expression<T> {
    @Override public void accept(SqlVisitor c) { c.visitScalarSubquery(this); }
    @Override public void key(KeyBuilder k) { k.add(ScalarSubquery.class); select.key(k); }
}
