package org.athanor.core.sql;

import org.athanor.core.type.SqlType;

/** A value rendered into the SQL text, escaped by the dialect. Only on explicit request. */
public record Literal<T>(T value, SqlType<T> type) implements Expression<T> {
    @Override public void accept(SqlVisitor c) { c.visitLiteral(this); }
    @Override public void key(KeyBuilder k) { k.add(Literal.class); k.add(type); k.add(value instanceof byte[] b ? java.util.Arrays.toString(b) : value); }
}
