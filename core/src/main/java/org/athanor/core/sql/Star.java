package org.athanor.core.sql;

import org.athanor.core.type.SqlType;
import org.athanor.core.type.SqlTypes;

/** {@code *}, as in {@code count(*)}. */
public enum Star implements Expression<Object> {
    INSTANCE;
    @Override public SqlType<Object> type() { return SqlTypes.ANY; }
    @Override public void accept(SqlVisitor c) { c.visitStar(this); }
    @Override public void key(KeyBuilder k) { k.add(this); }
}
