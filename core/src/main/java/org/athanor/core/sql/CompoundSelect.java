package org.athanor.core.sql;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.athanor.core.type.SqlTypes;

/**
 * SELECTs combined with UNION [ALL], INTERSECT [ALL] and EXCEPT [ALL], evaluated left to right,
 * with ORDER BY / LIMIT / OFFSET applying to the whole. A member that has its own ORDER BY or
 * LIMIT, or is itself a compound, is rendered in parentheses (or as {@code SELECT * FROM (...)}
 * where the database does not allow parenthesised members).
 *
 * <pre>{@code
 * select(USERS.NAME).where(USERS.AGE.lt(20))
 *     .union(select(USERS.NAME).where(USERS.AGE.gt(60)))
 *     .orderBy(USERS.NAME).limit(10)
 * }</pre>
 *
 * ORDER BY terms of the whole name result columns: columns and labels of the first member render
 * unqualified.
 */
public final class CompoundSelect<R> implements Query<R>, Cloneable {
    private List<Query<R>> members;
    private List<SetOperator> operators;
    private List<OrderItem> orderBy = List.of();
    private Expression<?> limit;
    private Expression<?> offset;

    CompoundSelect(Query<R> first, SetOperator op, Query<R> second) {
        this.members = List.of(check(first), check(second));
        this.operators = List.of(op);
    }

    private static <R> Query<R> check(Query<R> q) {
        if (!(q instanceof Select<?>) && !(q instanceof CompoundSelect<?>))
            throw new IllegalArgumentException("set operations combine SELECTs, got " + q.getClass().getSimpleName() + ": " + q);
        return q;
    }

    @SuppressWarnings("unchecked")
    private CompoundSelect<R> copy() {
        try {
            return (CompoundSelect<R>) super.clone();
        } catch (CloneNotSupportedException e) {
            throw new AssertionError(e);
        }
    }

    public List<Query<R>> members() { return members; }
    /** {@code operators().get(i)} joins member i and member i + 1. */
    public List<SetOperator> operators() { return operators; }
    public List<OrderItem> orderBy() { return orderBy; }
    public Expression<?> limit() { return limit; }
    public Expression<?> offset() { return offset; }
    @Override public RowKind rowKind() { return members.get(0).rowKind(); }

    /** The select list of the first member, which names the result's columns. */
    public List<Expression<?>> columns() { return columnsOf(members.get(0)); }

    static List<Expression<?>> columnsOf(Query<?> q) {
        if (q instanceof Select<?> s) return s.columns();
        return ((CompoundSelect<?>) q).columns();
    }

    private CompoundSelect<R> with(SetOperator op, Query<R> next) {
        // INTERSECT binds tighter than UNION and EXCEPT (SQL standard, PostgreSQL, MySQL, MariaDB): appended flat
        // after them it would take only the last member, so the members so far become one parenthesised member
        boolean intersectAfterUnionOrExcept = op.isIntersect() && operators.stream().anyMatch(o -> !o.isIntersect());
        if (orderBy.isEmpty() && limit == null && offset == null && !intersectAfterUnionOrExcept) {
            CompoundSelect<R> c = copy();
            List<Query<R>> m = new ArrayList<>(members);
            m.add(check(next));
            List<SetOperator> o = new ArrayList<>(operators);
            o.add(op);
            c.members = Collections.unmodifiableList(m);
            c.operators = Collections.unmodifiableList(o);
            return c;
        }
        // this compound is ordered or limited: it becomes a parenthesised member of the new one
        return new CompoundSelect<>(this, op, next);
    }

    public CompoundSelect<R> union(Query<R> other) { return with(SetOperator.UNION, other); }
    public CompoundSelect<R> unionAll(Query<R> other) { return with(SetOperator.UNION_ALL, other); }
    public CompoundSelect<R> intersect(Query<R> other) { return with(SetOperator.INTERSECT, other); }
    public CompoundSelect<R> intersectAll(Query<R> other) { return with(SetOperator.INTERSECT_ALL, other); }
    public CompoundSelect<R> except(Query<R> other) { return with(SetOperator.EXCEPT, other); }
    public CompoundSelect<R> exceptAll(Query<R> other) { return with(SetOperator.EXCEPT_ALL, other); }

    /** ORDER BY of the whole result. */
    public CompoundSelect<R> orderBy(SqlNode... items) {
        List<OrderItem> o = new ArrayList<>(orderBy);
        for (SqlNode n : items) o.add(Select.toOrderItem(n));
        CompoundSelect<R> c = copy();
        c.orderBy = Collections.unmodifiableList(o);
        return c;
    }

    public CompoundSelect<R> limit(long n) {
        if (n < 0) throw new IllegalArgumentException("limit must be >= 0, got " + n);
        CompoundSelect<R> c = copy();
        c.limit = new Param<>(n, SqlTypes.BIGINT);
        return c;
    }

    /** LIMIT given as an expression (a named bind parameter, say); see {@link Select#limit(Expression)}. */
    public CompoundSelect<R> limit(Expression<? extends Number> n) {
        CompoundSelect<R> c = copy();
        c.limit = java.util.Objects.requireNonNull(n, "limit");
        return c;
    }

    /** OFFSET given as an expression; see {@link Select#limit(Expression)}. */
    public CompoundSelect<R> offset(Expression<? extends Number> n) {
        CompoundSelect<R> c = copy();
        c.offset = java.util.Objects.requireNonNull(n, "offset");
        return c;
    }

    public CompoundSelect<R> offset(long n) {
        if (n < 0) throw new IllegalArgumentException("offset must be >= 0, got " + n);
        CompoundSelect<R> c = copy();
        c.offset = new Param<>(n, SqlTypes.BIGINT);
        return c;
    }

    /** {@code (this) AS alias}, a derived table for FROM and joins. */
    public CompoundSubquery subquery(String alias) { return new CompoundSubquery(this, alias); }

    /** This compound as a named common table expression (see {@link Cte}). */
    public Cte cte(String name) { return Cte.of(name, this); }

    @Override public void accept(SqlVisitor c) { c.visitCompoundSelect(this); }

    @Override
    public void key(KeyBuilder k) {
        k.add(CompoundSelect.class);
        k.add(members.size());
        for (int i = 0; i < members.size(); i++) {
            if (i > 0) k.add(operators.get(i - 1));
            members.get(i).key(k);
        }
        k.list(orderBy);
        k.opt(limit);
        k.opt(offset);
    }

    @Override public String toString() { return Sql.render(this); }
}
