package org.athanor.core.sql;

import io.vavr.Tuple1;
import io.vavr.Tuple2;
import io.vavr.Tuple3;
import io.vavr.Tuple4;
import io.vavr.Tuple5;
import io.vavr.Tuple6;
import io.vavr.Tuple7;
import io.vavr.Tuple8;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.athanor.core.schema.Table;
import org.athanor.core.type.SqlType;
import org.athanor.core.type.SqlTypes;

/**
 * Entry points of the expression language. Import statically:
 * <pre>{@code
 * import static org.athanor.core.sql.Sql.*;
 *
 * var q = select(USERS.NAME, count()).from(USERS).join(POSTS).groupBy(USERS.NAME);
 * }</pre>
 */
public final class Sql {
    private Sql() {}

    // ---- SELECT -----------------------------------------------------------------------------------
    public static <A> Select<Tuple1<A>> select(Expression<A> a) { return new Select<>(Arrays.asList(a), RowKind.TUPLE); }
    public static <A, B> Select<Tuple2<A, B>> select(Expression<A> a, Expression<B> b) { return new Select<>(Arrays.asList(a, b), RowKind.TUPLE); }
    public static <A, B, C> Select<Tuple3<A, B, C>> select(Expression<A> a, Expression<B> b, Expression<C> c) {
        return new Select<>(Arrays.asList(a, b, c), RowKind.TUPLE);
    }
    public static <A, B, C, D> Select<Tuple4<A, B, C, D>> select(Expression<A> a, Expression<B> b, Expression<C> c, Expression<D> d) {
        return new Select<>(Arrays.asList(a, b, c, d), RowKind.TUPLE);
    }
    public static <A, B, C, D, E> Select<Tuple5<A, B, C, D, E>> select(Expression<A> a, Expression<B> b, Expression<C> c,
                                                                       Expression<D> d, Expression<E> e) {
        return new Select<>(Arrays.asList(a, b, c, d, e), RowKind.TUPLE);
    }
    public static <A, B, C, D, E, F> Select<Tuple6<A, B, C, D, E, F>> select(Expression<A> a, Expression<B> b, Expression<C> c,
                                                                             Expression<D> d, Expression<E> e, Expression<F> f) {
        return new Select<>(Arrays.asList(a, b, c, d, e, f), RowKind.TUPLE);
    }
    public static <A, B, C, D, E, F, G> Select<Tuple7<A, B, C, D, E, F, G>> select(Expression<A> a, Expression<B> b, Expression<C> c,
                                                                                   Expression<D> d, Expression<E> e, Expression<F> f,
                                                                                   Expression<G> g) {
        return new Select<>(Arrays.asList(a, b, c, d, e, f, g), RowKind.TUPLE);
    }
    public static <A, B, C, D, E, F, G, H> Select<Tuple8<A, B, C, D, E, F, G, H>> select(Expression<A> a, Expression<B> b,
                                                                                         Expression<C> c, Expression<D> d,
                                                                                         Expression<E> e, Expression<F> f,
                                                                                         Expression<G> g, Expression<H> h) {
        return new Select<>(Arrays.asList(a, b, c, d, e, f, g, h), RowKind.TUPLE);
    }

    /** A select of nine or more expressions, or of a dynamic list: rows are {@link Row}. */
    public static Select<Row> select(Expression<?>... columns) { return new Select<>(Arrays.asList(Objects.requireNonNull(columns, "columns")), RowKind.ROW); }

    public static Select<Row> select(List<? extends Expression<?>> columns) { return new Select<>(Objects.requireNonNull(columns, "columns"), RowKind.ROW); }

    /** {@code SELECT <all columns of table> FROM table}, rows as {@link Row}. */
    public static Select<Row> selectFrom(Table table) {
        return new Select<Row>(Objects.requireNonNull(table, "table").columns(), RowKind.ROW).from(table);
    }

    // ---- DML ---------------------------------------------------------------------------------------
    public static Insert insert(Table table) { return new Insert(Objects.requireNonNull(table, "table")); }
    public static Update update(Table table) { return new Update(Objects.requireNonNull(table, "table")); }
    public static Delete deleteFrom(Table table) { return new Delete(Objects.requireNonNull(table, "table")); }

    // ---- boolean logic -----------------------------------------------------------------------------
    @SafeVarargs
    public static Condition and(Expression<Boolean>... conditions) { return flatten(Operator.AND, Arrays.asList(Objects.requireNonNull(conditions, "conditions"))); }
    public static Condition and(List<? extends Expression<Boolean>> conditions) { return flatten(Operator.AND, Objects.requireNonNull(conditions, "conditions")); }
    @SafeVarargs
    public static Condition or(Expression<Boolean>... conditions) { return flatten(Operator.OR, Arrays.asList(Objects.requireNonNull(conditions, "conditions"))); }
    public static Condition or(List<? extends Expression<Boolean>> conditions) { return flatten(Operator.OR, Objects.requireNonNull(conditions, "conditions")); }
    public static Condition not(Expression<Boolean> condition) { return new Not(Objects.requireNonNull(condition, "condition")); }

    /**
     * {@code condition} with its columns of table {@code from} read through {@code to}, an alias of that table
     * (SQLAlchemy's {@code ClauseAdapter}); see {@link Adapted}.
     */
    public static Condition adapt(Expression<Boolean> condition, org.athanor.core.schema.Table from, org.athanor.core.schema.Table to) {
        return new Adapted(condition, from, to);
    }
    public static Condition exists(Select<?> subquery) { return new Exists(Objects.requireNonNull(subquery, "subquery")); }
    public static Condition notExists(Select<?> subquery) { return new Not(new Exists(Objects.requireNonNull(subquery, "subquery"))); }

    private static Condition flatten(Operator op, List<? extends Expression<Boolean>> items) {
        List<Expression<Boolean>> out = new ArrayList<>(items.size());
        for (Expression<Boolean> e : items) {
            if (e == null) throw new IllegalArgumentException(op + " was given a null condition");
            if (e instanceof BooleanList b && b.op() == op) out.addAll(b.items());
            else out.add(e);
        }
        if (out.size() == 1 && out.get(0) instanceof Condition c) return c;
        return new BooleanList(op, out);
    }

    @SafeVarargs
    static Expression<Boolean> andAll(Expression<Boolean> existing, Expression<Boolean>... more) {
        List<Expression<Boolean>> all = new ArrayList<>(more.length + 1);
        if (existing != null) all.add(existing);
        for (Expression<Boolean> e : more) {
            if (e == null) throw new IllegalArgumentException("where()/having() was given a null condition");
            all.add(e);
        }
        if (all.size() == 1) return all.get(0);
        return flatten(Operator.AND, all);
    }

    // ---- values --------------------------------------------------------------------------------------
    /** A bind parameter typed from the value's class. */
    public static <T> Expression<T> param(T value) { return new Param<>(value, SqlTypes.forValue(value)); }
    public static <T> Expression<T> param(T value, SqlType<T> type) { return new Param<>(Objects.requireNonNull(type, "type").cast(value), type); }
    /** A named parameter with no value, for executemany templates; values come per execution. */
    public static <T> Param<T> bindParam(String name, SqlType<T> type) {
        return new Param<>(null, Objects.requireNonNull(type, "type"), Objects.requireNonNull(name, "name"));
    }
    /** A named bind parameter with a value (SQLAlchemy's {@code bindparam("name", value)}): usable as LIMIT, OFFSET, anywhere. */
    public static <T> Param<T> bindParam(String name, T value, SqlType<T> type) {
        return new Param<>(Objects.requireNonNull(type, "type").cast(value), type, Objects.requireNonNull(name, "name"));
    }
    /** A value rendered into the SQL text (escaped by the dialect) instead of bound. */
    public static <T> Expression<T> literal(T value) { return new Literal<>(value, SqlTypes.forValue(value)); }
    public static <T> Expression<T> literal(T value, SqlType<T> type) { return new Literal<>(Objects.requireNonNull(type, "type").cast(value), type); }
    public static Expression<Object> nullLiteral() { return new Literal<>(null, SqlTypes.NULL); }
    public static Expression<Object> tuple(Expression<?>... items) { return new Tuple(Arrays.asList(Objects.requireNonNull(items, "items"))); }
    /** Raw SQL with {@code :name} parameters: {@code text("SELECT * FROM t WHERE a = :a").bind("a", 1)}. */
    /** A VALUES table for FROM and joins: {@code values("v").column("id", INTEGER).row(1).row(2).build()}; see {@link Values}. */
    public static Values.Builder values(String name) { return Values.named(Objects.requireNonNull(name, "name")); }

    /** {@code regexp_replace(s, pattern, replacement)}, every match replaced; see {@link RegexpReplace}. */
    public static Expression<String> regexpReplace(Expression<String> s, String pattern, String replacement) {
        return new RegexpReplace(Objects.requireNonNull(s, "s"), param(Objects.requireNonNull(pattern, "pattern")),
                param(Objects.requireNonNull(replacement, "replacement")));
    }
    public static Expression<String> regexpReplace(Expression<String> s, Expression<String> pattern, Expression<String> replacement) {
        return new RegexpReplace(Objects.requireNonNull(s, "s"), Objects.requireNonNull(pattern, "pattern"),
                Objects.requireNonNull(replacement, "replacement"));
    }

    public static Text text(String sql) { return Text.parse(Objects.requireNonNull(sql, "sql")); }

    // ---- functions -----------------------------------------------------------------------------------
    /** A generic function call {@code name(args...)} returning {@code type}. */
    /** The next value of {@code sequence} (see {@link NextValue}): {@code select(nextValue(ORDER_NO))}. */
    public static Expression<Long> nextValue(org.athanor.core.schema.Sequence sequence) { return new NextValue(sequence); }

    public static <T> Expression<T> func(String name, SqlType<T> type, Expression<?>... args) {
        return new FunctionCall<>(name, Arrays.asList(Objects.requireNonNull(args, "args")), type, false);
    }
    /** {@code count(*)}. */
    public static Expression<Long> count() { return new FunctionCall<>("count", List.of(Star.INSTANCE), SqlTypes.BIGINT, false); }
    public static Expression<Long> count(Expression<?> e) { return new FunctionCall<>("count", List.of(e), SqlTypes.BIGINT, false); }
    public static Expression<Long> countDistinct(Expression<?> e) { return new FunctionCall<>("count", List.of(e), SqlTypes.BIGINT, true); }
    public static <T> Expression<T> sum(Expression<T> e) { return new FunctionCall<>("sum", List.of(e), e.type(), false); }
    /**
     * {@code avg(e)}, typed NUMERIC (BigDecimal) whatever the operand, as SQLAlchemy types it: PostgreSQL
     * and MySQL/MariaDB compute a decimal for integers and decimals (MySQL/MariaDB with
     * {@code div_precision_increment} more digits), SQLite a REAL, read back as BigDecimal.
     */
    public static Expression<java.math.BigDecimal> avg(Expression<?> e) { return new FunctionCall<>("avg", List.of(e), SqlTypes.NUMERIC, false); }
    public static <T> Expression<T> min(Expression<T> e) { return new FunctionCall<>("min", List.of(e), e.type(), false); }
    public static <T> Expression<T> max(Expression<T> e) { return new FunctionCall<>("max", List.of(e), e.type(), false); }
    public static Expression<String> lower(Expression<String> e) { return new FunctionCall<>("lower", List.of(e), SqlTypes.TEXT, false); }
    public static Expression<String> upper(Expression<String> e) { return new FunctionCall<>("upper", List.of(e), SqlTypes.TEXT, false); }
    public static Expression<String> trim(Expression<String> e) { return new FunctionCall<>("trim", List.of(e), SqlTypes.TEXT, false); }
    /** Character length of a string. */
    public static Expression<Integer> length(Expression<String> e) { return new FunctionCall<>("length", List.of(e), SqlTypes.INTEGER, false); }
    public static <T> Expression<T> abs(Expression<T> e) { return new FunctionCall<>("abs", List.of(e), e.type(), false); }
    public static <T> Expression<T> round(Expression<T> e) { return new FunctionCall<>("round", List.of(e), e.type(), false); }
    public static <T> Expression<T> round(Expression<T> e, int digits) {
        return new FunctionCall<>("round", List.of(e, new Param<>(digits, SqlTypes.INTEGER)), e.type(), false);
    }
    /** The first non-null of {@code first} and the alternatives (values are bound, typed like {@code first}). */
    public static <T> Expression<T> coalesce(Expression<T> first, Object... alternatives) {
        List<Expression<?>> args = new ArrayList<>();
        args.add(first);
        for (Object a : alternatives) args.add(a instanceof Expression<?> e ? e : first.bind(a));
        return new FunctionCall<>("coalesce", args, first.type(), false);
    }
    public static <T> Expression<T> nullif(Expression<T> a, Expression<?> b) { return new FunctionCall<>("nullif", List.of(a, b), a.type(), false); }
    public static <T> Expression<T> cast(Expression<?> e, SqlType<T> type) {
        return new Cast<>(Objects.requireNonNull(e, "expression"), Objects.requireNonNull(type, "type"));
    }

    // ---- CASE, EXTRACT, more string functions (SqlMore keeps the rest of the surface) -------------
    /** A searched {@code CASE WHEN condition THEN result ...}; continue with {@code .when(...)} and {@code .otherwise(...)}. */
    public static <T> Case<T> caseWhen(Expression<Boolean> condition, T result) {
        if (result == null) throw new IllegalArgumentException("caseWhen(condition, null): give a typed result, e.g. nullLiteral() cast to a type");
        SqlType<T> type = SqlTypes.forValue(result);
        return new Case<>(null, List.of(new Case.When(condition, new Param<>(result, type))), null, type);
    }
    @SuppressWarnings("unchecked")
    public static <T> Case<T> caseWhen(Expression<Boolean> condition, Expression<? extends T> result) {
        return new Case<>(null, List.of(new Case.When(condition, result)), null, (SqlType<T>) result.type());
    }
    /** A simple {@code CASE subject WHEN value THEN result ...}: start branches with {@code .when(value, result)}. */
    public static <S> CaseOf<S> caseOf(Expression<S> subject) { return new CaseOf<>(subject); }
    /** {@code EXTRACT(part FROM x)} as a whole number (SQLite: strftime). */
    public static Expression<Integer> extract(DatePart part, Expression<?> temporal) { return new Extract(part, temporal); }
    /** The part of {@code s} from 1-based {@code start}, {@code length} characters long. */
    public static Expression<String> substring(Expression<String> s, int start, int length) {
        return new FunctionCall<>("substr", List.of(s, new Param<>(start, SqlTypes.INTEGER), new Param<>(length, SqlTypes.INTEGER)), SqlTypes.TEXT, false);
    }
    /** The part of {@code s} from 1-based {@code start} to its end. */
    public static Expression<String> substring(Expression<String> s, int start) {
        return new FunctionCall<>("substr", List.of(s, new Param<>(start, SqlTypes.INTEGER)), SqlTypes.TEXT, false);
    }
    /** {@code s} with every {@code from} replaced by {@code to}. */
    public static Expression<String> replace(Expression<String> s, String from, String to) {
        return new FunctionCall<>("replace", List.of(s, new Param<>(from, SqlTypes.TEXT), new Param<>(to, SqlTypes.TEXT)), SqlTypes.TEXT, false);
    }
    public static Expression<String> ltrim(Expression<String> e) { return new FunctionCall<>("ltrim", List.of(e), SqlTypes.TEXT, false); }
    public static Expression<String> rtrim(Expression<String> e) { return new FunctionCall<>("rtrim", List.of(e), SqlTypes.TEXT, false); }
    /** Concatenation of several values ({@code a || b || c}); non-expressions are bound as strings. */
    public static Expression<String> concat(Object first, Object... rest) {
        Expression<?> acc = first instanceof Expression<?> e ? e : param(String.valueOf(first));
        Expression<String> out = null;
        for (Object r : rest) {
            out = (out == null ? acc : out).concat(r);
        }
        if (out == null) throw new IllegalArgumentException("concat() needs at least two values");
        return out;
    }

    /** {@code WITH ctes ...}: finish with {@code .query(select)} or {@code .statement(dml)}. */
    public static With with(Cte... ctes) { return new With(Arrays.asList(ctes)); }

    // ---- window functions -------------------------------------------------------------------------
    /** An empty window ({@code OVER ()}); refine with partitionBy/orderBy/rows/range. */
    public static Window window() { return Window.EMPTY; }
    public static Expression<Long> rowNumber() { return new FunctionCall<>("row_number", List.of(), SqlTypes.BIGINT, false); }
    public static Expression<Long> rank() { return new FunctionCall<>("rank", List.of(), SqlTypes.BIGINT, false); }
    public static Expression<Long> denseRank() { return new FunctionCall<>("dense_rank", List.of(), SqlTypes.BIGINT, false); }
    public static Expression<Double> percentRank() { return new FunctionCall<>("percent_rank", List.of(), SqlTypes.DOUBLE, false); }
    public static Expression<Double> cumeDist() { return new FunctionCall<>("cume_dist", List.of(), SqlTypes.DOUBLE, false); }
    public static Expression<Long> ntile(int buckets) {
        return new FunctionCall<>("ntile", List.of(new Literal<>(buckets, SqlTypes.INTEGER)), SqlTypes.BIGINT, false);
    }
    /** The value of {@code e} in the previous row of the window. */
    public static <T> Expression<T> lag(Expression<T> e) { return new FunctionCall<>("lag", List.of(e), e.type(), false); }
    public static <T> Expression<T> lag(Expression<T> e, int offset) {
        return new FunctionCall<>("lag", List.of(e, new Literal<>(offset, SqlTypes.INTEGER)), e.type(), false);
    }
    /** {@code lag(e, offset, default)}: {@code dflt} where there is no such row. */
    public static <T> Expression<T> lag(Expression<T> e, int offset, T dflt) {
        return new FunctionCall<>("lag", List.of(e, new Literal<>(offset, SqlTypes.INTEGER), e.bind(dflt)), e.type(), false);
    }
    public static <T> Expression<T> lead(Expression<T> e) { return new FunctionCall<>("lead", List.of(e), e.type(), false); }
    public static <T> Expression<T> lead(Expression<T> e, int offset) {
        return new FunctionCall<>("lead", List.of(e, new Literal<>(offset, SqlTypes.INTEGER)), e.type(), false);
    }
    public static <T> Expression<T> lead(Expression<T> e, int offset, T dflt) {
        return new FunctionCall<>("lead", List.of(e, new Literal<>(offset, SqlTypes.INTEGER), e.bind(dflt)), e.type(), false);
    }
    public static <T> Expression<T> firstValue(Expression<T> e) { return new FunctionCall<>("first_value", List.of(e), e.type(), false); }
    public static <T> Expression<T> lastValue(Expression<T> e) { return new FunctionCall<>("last_value", List.of(e), e.type(), false); }
    /**
     * {@code aggregate FILTER (WHERE condition)}, emulated as {@code aggregate(CASE WHEN condition THEN arg END)}
     * where the database lacks FILTER: {@code filter(count(), USERS.AGE.gt(30))}.
     */
    public static <T> Expression<T> filter(Expression<T> aggregate, Expression<Boolean> condition) {
        if (!(aggregate instanceof FunctionCall<T> f))
            throw new IllegalArgumentException("filter() applies to an aggregate function call such as count() or sum(x), got " + aggregate);
        return new AggregateFilter<>(f, condition);
    }

    // ---- quantified comparisons -------------------------------------------------------------------
    /** {@code ANY (subquery)} for the right side of a comparison: {@code X.gt(any(select(Y)))}. */
    @SuppressWarnings("unchecked")
    public static <T> Expression<T> any(Select<?> subquery) {
        return new Quantified<>(Quantified.Quantifier.ANY, subquery, (SqlType<T>) subquery.columns().get(0).type());
    }
    /** {@code ALL (subquery)} for the right side of a comparison: {@code X.ge(all(select(Y)))}; true for an empty subquery. */
    @SuppressWarnings("unchecked")
    public static <T> Expression<T> all(Select<?> subquery) {
        return new Quantified<>(Quantified.Quantifier.ALL, subquery, (SqlType<T>) subquery.columns().get(0).type());
    }

    /** In an upsert's update, the value the INSERT proposed for {@code column} ({@code excluded.col}). */
    public static <T> Expression<T> inserted(org.athanor.core.schema.Column<T> column) { return new Excluded<>(column); }

    /** Renders a node with the generic dialect, for toString(); needs no database. */
    public static String render(SqlNode node) { return NodeRenderer.generic().render(node); }
}
