package org.athanor.core.sql;


/** One ORDER BY term: {@code expr [ASC|DESC] [NULLS FIRST|LAST]}. */
public record OrderItem(Expression<?> expression, boolean descending, Nulls nulls) implements SqlNode {
    public enum Nulls { DEFAULT, FIRST, LAST }

    public OrderItem nullsFirst() { return new OrderItem(expression, descending, Nulls.FIRST); }
    public OrderItem nullsLast() { return new OrderItem(expression, descending, Nulls.LAST); }

    @Override public void accept(SqlVisitor c) { c.visitOrderItem(this); }
    @Override public void key(KeyBuilder k) { k.add(descending); k.add(nulls); expression.key(k); }
}
