package org.athanor.core.sql;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.athanor.core.schema.Column;
import org.athanor.core.schema.Table;
import org.athanor.core.type.SqlType;
import org.athanor.core.type.SqlTypes;

/**
 * An immutable SELECT. Every method returns a new statement; the receiver never changes.
 *
 * <pre>{@code
 * Select<Tuple2<String, Integer>> q = select(USERS.NAME, USERS.AGE)
 *         .where(USERS.AGE.gt(30), USERS.NAME.startsWith("A"))
 *         .orderBy(USERS.NAME.desc())
 *         .limit(10);
 * }</pre>
 *
 * Without {@link #from}, the FROM list is inferred from the columns selected (and those of WHERE),
 * and tables of an enclosing query are correlated, as in SQLAlchemy.
 */
public final class Select<R> implements Query<R>, Cloneable {
    private List<Expression<?>> columns;
    private RowKind rowKind;
    private boolean distinct;
    private List<FromItem> from = List.of();
    private Expression<Boolean> where;
    private List<Expression<?>> groupBy = List.of();
    private Expression<Boolean> having;
    private List<OrderItem> orderBy = List.of();
    private Expression<?> limit;
    private Expression<?> offset;
    private LockMode lock;
    private Expression<?> fetch;
    private boolean withTies;
    private List<Expression<?>> distinctOn = List.of();

    Select(List<? extends Expression<?>> columns, RowKind rowKind) {
        if (columns.isEmpty()) throw new IllegalArgumentException("select() needs at least one column or expression");
        for (Expression<?> e : columns)
            if (e == null) throw new IllegalArgumentException("select() was given a null column: " + columns);
        this.columns = List.copyOf(columns);
        this.rowKind = rowKind;
    }

    @SuppressWarnings("unchecked")
    private <X> Select<X> copy() {
        try {
            return (Select<X>) super.clone();
        } catch (CloneNotSupportedException e) {
            throw new AssertionError(e);
        }
    }

    private static <E> List<E> append(List<E> list, List<? extends E> more) {
        List<E> out = new ArrayList<>(list.size() + more.size());
        out.addAll(list);
        out.addAll(more);
        return Collections.unmodifiableList(out);
    }

    // ---- accessors, for compilers ------------------------------------------------------------
    public List<Expression<?>> columns() { return columns; }
    public boolean isDistinct() { return distinct; }
    public List<FromItem> from() { return from; }
    public Expression<Boolean> where() { return where; }
    public List<Expression<?>> groupBy() { return groupBy; }
    public Expression<Boolean> having() { return having; }
    public List<OrderItem> orderBy() { return orderBy; }
    public Expression<?> limit() { return limit; }
    public Expression<?> offset() { return offset; }
    public LockMode lock() { return lock; }
    /** The row count of {@code FETCH FIRST n ROWS}, or null. */
    public Expression<?> fetchFirst() { return fetch; }
    /** Whether FETCH FIRST keeps the rows that tie with the last one ({@code WITH TIES}). */
    public boolean fetchWithTies() { return withTies; }
    /** PostgreSQL's DISTINCT ON expressions; empty elsewhere. */
    public List<Expression<?>> distinctOn() { return distinctOn; }
    @Override public RowKind rowKind() { return rowKind; }

    // ---- building ------------------------------------------------------------------------------
    /** Sets the FROM list explicitly (tables, aliases, joins, subqueries). */
    public Select<R> from(FromItem... items) {
        Select<R> s = copy();
        s.from = append(from, Arrays.asList(items));
        return s;
    }

    /** The same query with another FROM list (replacing the one it has; empty: inferred from the columns again). */
    public Select<R> withFrom(List<? extends FromItem> items) {
        Select<R> s = copy();
        s.from = List.copyOf(items);
        return s;
    }

    /** INNER JOIN to {@code target}, ON inferred from the single foreign key. */
    public Select<R> join(FromItem target) { return joinWith(target, null, JoinType.INNER); }
    public Select<R> join(FromItem target, Expression<Boolean> on) { return joinWith(target, on, JoinType.INNER); }
    public Select<R> leftJoin(FromItem target) { return joinWith(target, null, JoinType.LEFT); }
    public Select<R> leftJoin(FromItem target, Expression<Boolean> on) { return joinWith(target, on, JoinType.LEFT); }
    public Select<R> rightJoin(FromItem target) { return joinWith(target, null, JoinType.RIGHT); }
    public Select<R> rightJoin(FromItem target, Expression<Boolean> on) { return joinWith(target, on, JoinType.RIGHT); }
    public Select<R> fullJoin(FromItem target) { return joinWith(target, null, JoinType.FULL); }
    public Select<R> fullJoin(FromItem target, Expression<Boolean> on) { return joinWith(target, on, JoinType.FULL); }

    private Select<R> joinWith(FromItem target, Expression<Boolean> on, JoinType type) {
        FromItem left;
        List<FromItem> rest;
        if (from.isEmpty()) {
            List<Table> inferred = tablesOf(columns);
            if (inferred.isEmpty())
                throw new IllegalArgumentException("join(" + target + "): the select has no FROM to join from; call from(...) first");
            // join from the first table selected that is not the target itself (select(POSTS.TITLE, USERS.NAME).join(USERS))
            FromItem l = inferred.get(0);
            for (Table t : inferred) if (t != target) { l = t; break; }
            left = l;
            rest = List.of();
        } else {
            left = from.get(from.size() - 1);
            rest = from.subList(0, from.size() - 1);
        }
        Join j = on == null ? Join.infer(left, target, type) : new Join(left, target, type, on);
        Select<R> s = copy();
        s.from = append(rest, List.of(j));
        return s;
    }

    /** Adds WHERE conditions, ANDed with any already there. */
    @SafeVarargs
    public final Select<R> where(Expression<Boolean>... conditions) {
        Select<R> s = copy();
        s.where = Sql.andAll(where, conditions);
        return s;
    }

    /** Same as {@link #where}, the name SQLAlchemy's Query uses. */
    @SafeVarargs
    public final Select<R> filter(Expression<Boolean>... conditions) { return where(conditions); }

    public Select<R> groupBy(Expression<?>... exprs) {
        Select<R> s = copy();
        s.groupBy = append(groupBy, Arrays.asList(exprs));
        return s;
    }

    @SafeVarargs
    public final Select<R> having(Expression<Boolean>... conditions) {
        Select<R> s = copy();
        s.having = Sql.andAll(having, conditions);
        return s;
    }

    /** ORDER BY terms: {@link OrderItem}s ({@code col.desc()}) or plain expressions (ascending). */
    public Select<R> orderBy(SqlNode... items) {
        List<OrderItem> add = new ArrayList<>(items.length);
        for (SqlNode n : items) add.add(toOrderItem(n));
        Select<R> s = copy();
        s.orderBy = append(orderBy, add);
        return s;
    }

    static OrderItem toOrderItem(SqlNode n) {
        if (n instanceof OrderItem o) return o;
        if (n instanceof Expression<?> e) return e.asc();
        throw new IllegalArgumentException("orderBy takes expressions or expr.asc()/desc(), got " + n);
    }

    /**
     * This select with {@code items} as its whole ORDER BY (SQLAlchemy's {@code order_by(None)} then
     * {@code order_by(...)}): what a caller that rewrites ordering, such as a merge across shards, needs.
     */
    public Select<R> withOrderBy(List<OrderItem> items) {
        Select<R> s = copy();
        s.orderBy = List.copyOf(items);
        return s;
    }

    /** This select without LIMIT, FETCH FIRST and OFFSET (SQLAlchemy's {@code limit(None).offset(None)}). */
    public Select<R> withoutLimitOffset() {
        Select<R> s = copy();
        s.limit = null;
        s.offset = null;
        s.fetch = null;
        s.withTies = false;
        return s;
    }

    /** LIMIT, bound as a parameter. */
    public Select<R> limit(long n) {
        if (n < 0) throw new IllegalArgumentException("limit must be >= 0, got " + n);
        Select<R> s = copy();
        s.limit = new Param<>(n, SqlTypes.BIGINT);
        s.fetch = null;
        return s;
    }

    /**
     * LIMIT given as an expression: a named bind parameter ({@code Sql.bindParam("page", 20L, BIGINT)}),
     * or on PostgreSQL and SQLite any expression without columns (a scalar subquery, arithmetic).
     * MySQL/MariaDB take bind parameters and literals only.
     */
    public Select<R> limit(Expression<? extends Number> n) {
        Select<R> s = copy();
        s.limit = java.util.Objects.requireNonNull(n, "limit");
        s.fetch = null;
        return s;
    }

    /** OFFSET given as an expression; see {@link #limit(Expression)}. */
    public Select<R> offset(Expression<? extends Number> n) {
        Select<R> s = copy();
        s.offset = java.util.Objects.requireNonNull(n, "offset");
        return s;
    }

    /**
     * {@code FETCH FIRST n ROWS ONLY} (SQL:2008; PostgreSQL, MariaDB 10.6+), instead of LIMIT; a
     * CompileError where the database lacks it (SQLite, MySQL: use {@link #limit(long)}).
     */
    public Select<R> fetchFirst(long n) { return fetchFirst(n, false); }

    /**
     * {@code FETCH FIRST n ROWS WITH TIES} when {@code withTies}: also the rows that sort equal to the
     * n-th (PostgreSQL 13+, MariaDB 10.6+; it needs an ORDER BY).
     */
    public Select<R> fetchFirst(long n, boolean withTies) {
        if (n < 0) throw new IllegalArgumentException("fetchFirst must be >= 0, got " + n);
        return fetchFirst(new Param<>(n, SqlTypes.BIGINT), withTies);
    }

    /** FETCH FIRST with the row count as an expression (a named bind parameter, say). */
    public Select<R> fetchFirst(Expression<? extends Number> n, boolean withTies) {
        Select<R> s = copy();
        s.fetch = java.util.Objects.requireNonNull(n, "fetchFirst");
        s.withTies = withTies;
        s.limit = null;
        return s;
    }

    /** OFFSET, bound as a parameter. */
    public Select<R> offset(long n) {
        if (n < 0) throw new IllegalArgumentException("offset must be >= 0, got " + n);
        Select<R> s = copy();
        s.offset = new Param<>(n, SqlTypes.BIGINT);
        return s;
    }

    public Select<R> distinct() {
        Select<R> s = copy();
        s.distinct = true;
        return s;
    }

    /** DISTINCT ON (exprs): PostgreSQL only; other dialects raise an error naming the database. */
    public Select<R> distinctOn(Expression<?>... exprs) {
        Select<R> s = copy();
        s.distinctOn = List.of(exprs);
        return s;
    }

    public Select<R> forUpdate() { return lock(new LockMode(LockMode.Strength.UPDATE, LockMode.Wait.WAIT)); }
    public Select<R> forUpdate(LockMode.Wait wait) { return lock(new LockMode(LockMode.Strength.UPDATE, wait)); }
    public Select<R> forShare() { return lock(new LockMode(LockMode.Strength.SHARE, LockMode.Wait.WAIT)); }
    public Select<R> forShare(LockMode.Wait wait) { return lock(new LockMode(LockMode.Strength.SHARE, wait)); }

    private Select<R> lock(LockMode mode) {
        Select<R> s = copy();
        s.lock = mode;
        return s;
    }

    /** The same query with another select list (rows become {@link Row}). */
    public Select<Row> withColumns(Expression<?>... exprs) {
        Select<Row> s = copy();
        s.columns = List.of(exprs);
        s.rowKind = RowKind.ROW;
        return s;
    }

    /** {@code LATERAL (SELECT ...) AS alias}: may refer to tables before it in FROM (where the database has LATERAL). */
    public Lateral lateral(String alias) { return new Lateral(this, alias); }

    /** {@code (SELECT ...) AS alias}, usable in FROM and joins. */
    public Subquery subquery(String alias) { return new Subquery(this, alias); }

    /** This select as a value: {@code (SELECT x ...)}. The first column gives the type. */
    @SuppressWarnings("unchecked")
    public <T> Expression<T> scalarSubquery() {
        return new ScalarSubquery<>(this, (SqlType<T>) columns.get(0).type());
    }

    // ---- set operations and CTEs --------------------------------------------------------------
    public CompoundSelect<R> union(Query<R> other) { return new CompoundSelect<>(this, SetOperator.UNION, other); }
    public CompoundSelect<R> unionAll(Query<R> other) { return new CompoundSelect<>(this, SetOperator.UNION_ALL, other); }
    public CompoundSelect<R> intersect(Query<R> other) { return new CompoundSelect<>(this, SetOperator.INTERSECT, other); }
    public CompoundSelect<R> intersectAll(Query<R> other) { return new CompoundSelect<>(this, SetOperator.INTERSECT_ALL, other); }
    public CompoundSelect<R> except(Query<R> other) { return new CompoundSelect<>(this, SetOperator.EXCEPT, other); }
    public CompoundSelect<R> exceptAll(Query<R> other) { return new CompoundSelect<>(this, SetOperator.EXCEPT_ALL, other); }

    /** This select as a named common table expression, usable in FROM once declared with {@link #with}. */
    public Cte cte(String name) { return Cte.of(name, this); }

    /** {@code WITH ctes <this select>}. */
    public WithQuery<R> with(Cte... ctes) { return new With(List.of(ctes)).query(this); }

    /** {@code EXISTS (this)}. */
    public Condition exists() { return new Exists(this); }

    // ---- helpers for compilers -----------------------------------------------------------------
    /** The name a select-list expression is known by: its label, its column name, or its function name. */
    public static String nameOf(Expression<?> e) {
        if (e instanceof Label<?> l) return l.name();
        if (e instanceof Column<?> c) return c.name();
        if (e instanceof FunctionCall<?> f) return f.name().toLowerCase(java.util.Locale.ROOT);
        return "expr";
    }

    /** Tables of the columns appearing in {@code exprs}, outside subqueries, in order of appearance. */
    public static List<Table> tablesOf(List<? extends SqlNode> exprs) {
        List<Table> out = new ArrayList<>();
        for (SqlNode e : exprs) TableCollector.collect(e, out);
        return out;
    }

    @Override public void accept(SqlVisitor c) { c.visitSelect(this); }

    @Override
    public void key(KeyBuilder k) {
        // One token says which clauses the statement has; only those follow, in a fixed order. A token per empty
        // list and absent clause made most of a plain SELECT's key. The common clauses take the low bits: a shape
        // under 128 is a cached Integer.
        int shape = (from.isEmpty() ? 0 : 1) | (where == null ? 0 : 2) | (orderBy.isEmpty() ? 0 : 4) | (limit == null ? 0 : 8)
                | (offset == null ? 0 : 16) | (distinct ? 32 : 0) | (lock == null ? 0 : 64) | (groupBy.isEmpty() ? 0 : 128)
                | (having == null ? 0 : 256) | (distinctOn.isEmpty() ? 0 : 512) | (fetch == null ? 0 : 1024) | (withTies ? 2048 : 0);
        k.add(Select.class);
        k.add(shape);
        k.list(columns);
        if (!distinctOn.isEmpty()) k.list(distinctOn);
        if (!from.isEmpty()) k.list(from);
        if (where != null) where.key(k);
        if (!groupBy.isEmpty()) k.list(groupBy);
        if (having != null) having.key(k);
        if (!orderBy.isEmpty()) k.list(orderBy);
        if (limit != null) limit.key(k);
        if (offset != null) offset.key(k);
        if (fetch != null) fetch.key(k);
        if (lock != null) k.add(lock);
    }

    @Override public String toString() { return Sql.render(this); }
}
