package org.athanor.orm.sharding;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.athanor.core.routing.ShardMerge;
import org.athanor.core.sql.Expression;
import org.athanor.core.sql.OrderItem;
import org.athanor.core.sql.Sql;
import org.athanor.core.sql.SqlNode;
import org.athanor.orm.LoadOption;
import org.athanor.orm.Query;
import org.athanor.orm.mapping.Attribute;
import org.athanor.orm.mapping.ClassMapping;

/**
 * A query of one entity over the shards its session's query chooser picks, built like a
 * {@link Query} and run as one {@code Query} per shard whose results are merged: ORDER BY, LIMIT and
 * OFFSET apply across the shards (see {@link ShardMerge}: NULLs sort as the largest value, each
 * ORDER BY term must be a column of the entity), {@link #count()} adds the shards' counts up.
 * Immutable: each call returns a new query.
 * <pre>{@code
 * List<Customer> top = s.query(Customer.class).filter(Customer_.region.in("EU", "US"))
 *         .orderBy(Customer_.spent.desc()).limit(10).all();
 * }</pre>
 */
public final class ShardedQuery<E> {
    private final ShardedSession session;
    private final Class<E> type;
    private final List<Expression<Boolean>> filters;
    private final List<OrderItem> order;
    private final long limit;
    private final long offset;
    private final List<LoadOption> options;

    ShardedQuery(ShardedSession session, Class<E> type) { this(session, type, List.of(), List.of(), -1, 0, List.of()); }

    private ShardedQuery(ShardedSession session, Class<E> type, List<Expression<Boolean>> filters, List<OrderItem> order, long limit,
                         long offset, List<LoadOption> options) {
        this.session = session;
        this.type = type;
        this.filters = filters;
        this.order = order;
        this.limit = limit;
        this.offset = offset;
        this.options = options;
    }

    /** The entity queried. */
    public Class<E> entityClass() { return type; }

    /** The filters as one criterion (their AND), or null when there is none: what a query chooser reads. */
    public Expression<Boolean> criterion() {
        if (filters.isEmpty()) return null;
        return filters.size() == 1 ? filters.get(0) : Sql.and(filters);
    }

    public List<OrderItem> orderBy() { return order; }

    @SafeVarargs
    public final ShardedQuery<E> filter(Expression<Boolean>... conditions) {
        List<Expression<Boolean>> f = new ArrayList<>(filters);
        for (Expression<Boolean> c : conditions) f.add(Objects.requireNonNull(c, "condition"));
        return new ShardedQuery<>(session, type, List.copyOf(f), order, limit, offset, options);
    }

    /** ORDER BY terms: columns of the entity ({@code Customer_.name}), or {@code col.desc()}. */
    public ShardedQuery<E> orderBy(SqlNode... items) {
        List<OrderItem> o = new ArrayList<>(order);
        for (SqlNode n : items) {
            if (n instanceof OrderItem oi) o.add(oi);
            else if (n instanceof Expression<?> e) o.add(e.asc());
            else throw new IllegalArgumentException("orderBy takes columns or col.asc()/desc(), got " + n);
        }
        return new ShardedQuery<>(session, type, filters, List.copyOf(o), limit, offset, options);
    }

    public ShardedQuery<E> limit(long n) {
        if (n < 0) throw new IllegalArgumentException("limit must be >= 0, got " + n);
        return new ShardedQuery<>(session, type, filters, order, n, offset, options);
    }

    public ShardedQuery<E> offset(long n) {
        if (n < 0) throw new IllegalArgumentException("offset must be >= 0, got " + n);
        return new ShardedQuery<>(session, type, filters, order, limit, n, options);
    }

    public ShardedQuery<E> options(LoadOption... more) {
        List<LoadOption> o = new ArrayList<>(options);
        o.addAll(Arrays.asList(more));
        return new ShardedQuery<>(session, type, filters, order, limit, offset, List.copyOf(o));
    }

    /** The shards this query visits (the query chooser's answer). */
    public List<String> shards() {
        session.checkOpen();
        return session.factory().checked(session.factory().queryChooser().shardsFor(this), "query chooser", "a query of " + type.getSimpleName());
    }

    /** The matching objects of every chosen shard, merged. */
    public List<E> all() {
        List<String> shards = shards();
        session.checkNoCrossShardReferences();
        Comparator<E> cmp = order.isEmpty() ? null : ShardMerge.comparator(order, sortKey());
        List<List<E>> parts = new ArrayList<>(shards.size());
        for (String s : shards) parts.add(session.onShard(s, () -> perShard(s).all()));
        return ShardMerge.merge(parts, cmp, limit, offset);
    }

    /** The first object of the merged result, or null. */
    public E first() {
        List<E> one = limit(1).all();
        return one.isEmpty() ? null : one.get(0);
    }

    /** Exactly one object across the chosen shards: none raises {@code NoResultException}, more {@code MultipleResultsException}. */
    public E one() {
        E e = oneOrNull();
        if (e == null) throw new org.athanor.core.error.NoResultException("one() found no " + type.getSimpleName() + " on shards " + shards()
                + " for: " + criterion());
        return e;
    }

    /** One object across the chosen shards or null; several (on one shard or on two) raise {@code MultipleResultsException}. */
    public E oneOrNull() {
        List<E> two = limit(2).all();
        if (two.size() > 1) throw new org.athanor.core.error.MultipleResultsException("expected one " + type.getSimpleName()
                + " but found several on shards " + shards() + " for: " + criterion());
        return two.isEmpty() ? null : two.get(0);
    }

    /** How many objects {@link #all()} would return: the shards' counts added up, then OFFSET and LIMIT. */
    public long count() {
        long total = 0;
        List<String> shards = shards();
        session.checkNoCrossShardReferences();
        for (String s : shards) total += session.onShard(s, () -> base(s).count());
        long n = Math.max(0, total - offset);
        return limit < 0 ? n : Math.min(n, limit);
    }

    private Query<E> base(String shard) {
        Query<E> q = session.shard(shard).query(type);
        if (!filters.isEmpty()) q = q.filter(filters.toArray(Expression[]::new));
        if (!options.isEmpty()) q = q.options(options.toArray(LoadOption[]::new));
        return q;
    }

    private Query<E> perShard(String shard) {
        Query<E> q = base(shard);
        if (!order.isEmpty()) q = q.orderBy(ShardMerge.explicitNulls(order).toArray(SqlNode[]::new));
        if (limit >= 0) q = q.limit(Math.addExact(limit, offset));
        return q;
    }

    /** Reads ORDER BY term t's value from an object: the attribute mapped to that column. */
    private ShardMerge.SortKey<E> sortKey() {
        // the objects' own attributes, read through the class's accessor (as the registry's mapper reads them)
        ClassMapping<E> m = session.factory().registry().mapping(type);
        Attribute[] attrs = new Attribute[order.size()];
        for (int t = 0; t < attrs.length; t++) {
            Expression<?> e = order.get(t).expression();
            for (Attribute a : m.attributes()) if (a.column().equals(e)) attrs[t] = a;
            if (attrs[t] == null)
                throw new IllegalArgumentException("ORDER BY " + e + " is not a column of " + type.getSimpleName() + ": a query over shards "
                        + "sorts the objects it got back, so order by the entity's own columns");
        }
        return (obj, t) -> m.accessor().get(obj, attrs[t].index());
    }
}
