package org.athanor.core.sql;

import java.util.List;
import org.athanor.core.type.SqlType;
import org.athanor.core.type.SqlTypes;

/** {@code a AND b AND c} or {@code a OR b}; an empty AND is true, an empty OR false. */
public record BooleanList(Operator op, List<Expression<Boolean>> items) implements Condition {
    public BooleanList { items = List.copyOf(items); }
    @Override public SqlType<Boolean> type() { return SqlTypes.BOOLEAN; }
    @Override public void accept(SqlVisitor c) { c.visitBooleanList(this); }
    @Override public void key(KeyBuilder k) { k.add(op); k.add(items.size()); for (var i : items) i.key(k); }
}
