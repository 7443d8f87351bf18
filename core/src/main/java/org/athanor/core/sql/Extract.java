package org.athanor.core.sql;

import org.athanor.core.type.SqlType;
import org.athanor.core.type.SqlTypes;

/** {@code EXTRACT(part FROM x)} as an integer; dialects without EXTRACT spell it their way. */
public record Extract(DatePart part, Expression<?> operand) implements Expression<Integer> {
    @Override public SqlType<Integer> type() { return SqlTypes.INTEGER; }
    @Override public void accept(SqlVisitor c) { c.visitExtract(this); }
    @Override public void key(KeyBuilder k) { k.add(Extract.class); k.add(part); operand.key(k); }
}
