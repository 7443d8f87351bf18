package org.athanor.core.sql;

import org.athanor.core.type.SqlType;

/**
 * {@code aggregate FILTER (WHERE condition)}; where the database lacks FILTER the compiler feeds
 * the aggregate {@code CASE WHEN condition THEN arg END}, which aggregates skip as NULL.
 */
public record AggregateFilter<T>(FunctionCall<T> aggregate, Expression<Boolean> condition) implements Expression<T> {
    @Override public SqlType<T> type() { return aggregate.type(); }

    @Override public void accept(SqlVisitor c) { c.visitAggregateFilter(this); }
    @Override public void key(KeyBuilder k) { k.add(AggregateFilter.class); aggregate.key(k); condition.key(k); }
}
