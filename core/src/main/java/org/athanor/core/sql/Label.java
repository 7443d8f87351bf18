package org.athanor.core.sql;

import org.athanor.core.type.SqlType;

/** {@code expr AS name} in a select list; elsewhere (ORDER BY, GROUP BY) it renders as the name. */
public record Label<T>(Expression<T> expression, String name) implements Expression<T> {
    public Label {
        if (name == null || name.isEmpty()) throw new IllegalArgumentException("a label needs a non-empty name");
    }
    @Override public SqlType<T> type() { return expression.type(); }
    @Override public void accept(SqlVisitor c) { c.visitLabel(this); }
    @Override public void key(KeyBuilder k) { k.add(Label.class); k.add(name); expression.key(k); }
}
