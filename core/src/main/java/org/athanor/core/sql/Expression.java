package org.athanor.core.sql;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.athanor.core.type.SqlType;
import org.athanor.core.type.SqlTypes;

/**
 * A typed SQL expression. Java values given to its methods are always bound as parameters,
 * typed by this expression's {@link SqlType}.
 *
 * <pre>{@code
 * USERS.AGE.gt(30), USERS.NAME.startsWith("A"), USERS.ID.in(1, 2, 3), USERS.NAME.desc()
 * }</pre>
 */
public interface Expression<T> extends SqlNode {
    SqlType<T> type();

    /** A bind parameter holding {@code value}, typed like this expression. */
    default Expression<T> bind(Object value) {
        return new Param<>(type().cast(value), type());
    }

    // ---- comparison --------------------------------------------------------------------
    /** {@code this = value}; a null value renders {@code IS NULL}, as in SQLAlchemy. */
    default Condition eq(T value) { return value == null ? isNull() : new Comparison(this, Operator.EQ, bind(value)); }
    default Condition eq(Expression<? extends T> other) { return new Comparison(this, Operator.EQ, other); }
    /** {@code this <> value}; a null value renders {@code IS NOT NULL}. */
    default Condition ne(T value) { return value == null ? isNotNull() : new Comparison(this, Operator.NE, bind(value)); }
    default Condition ne(Expression<? extends T> other) { return new Comparison(this, Operator.NE, other); }
    default Condition lt(T value) { return new Comparison(this, Operator.LT, bind(value)); }
    default Condition lt(Expression<? extends T> other) { return new Comparison(this, Operator.LT, other); }
    default Condition le(T value) { return new Comparison(this, Operator.LE, bind(value)); }
    default Condition le(Expression<? extends T> other) { return new Comparison(this, Operator.LE, other); }
    default Condition gt(T value) { return new Comparison(this, Operator.GT, bind(value)); }
    default Condition gt(Expression<? extends T> other) { return new Comparison(this, Operator.GT, other); }
    default Condition ge(T value) { return new Comparison(this, Operator.GE, bind(value)); }
    default Condition ge(Expression<? extends T> other) { return new Comparison(this, Operator.GE, other); }

    default Condition between(T low, T high) { return new Between(this, bind(low), bind(high), false); }
    default Condition between(Expression<? extends T> low, Expression<? extends T> high) { return new Between(this, low, high, false); }
    default Condition notBetween(T low, T high) { return new Between(this, bind(low), bind(high), true); }

    default Condition isNull() { return new IsNull(this, false); }
    default Condition isNotNull() { return new IsNull(this, true); }

    /** NULL-safe inequality: true when exactly one side is NULL or both differ. */
    default Condition isDistinctFrom(T value) { return new IsDistinct(this, bind(value), false); }
    default Condition isDistinctFrom(Expression<? extends T> other) { return new IsDistinct(this, other, false); }
    /** NULL-safe equality: true when both are NULL or both are equal. */
    default Condition isNotDistinctFrom(T value) { return new IsDistinct(this, bind(value), true); }
    default Condition isNotDistinctFrom(Expression<? extends T> other) { return new IsDistinct(this, other, true); }

    // ---- IN ------------------------------------------------------------------------------
    /**
     * {@code this IN (...)}; each value is bound. Values are checked against this expression's type
     * (an Integer is accepted for a BIGINT column). An empty list is false.
     */
    default Condition in(Object... values) { return in(java.util.Arrays.asList(values)); }
    default Condition in(Collection<?> values) { return new InList(this, bindAll(values), false); }
    default Condition in(Select<?> subquery) { return new InSelect(this, subquery, false); }
    /** {@code this IN (a UNION b ...)}. */
    default Condition in(CompoundSelect<?> subquery) { return new InSelect(this, subquery, false); }
    /** {@code this NOT IN (...)}; an empty list is true. */
    default Condition notIn(Object... values) { return notIn(java.util.Arrays.asList(values)); }
    default Condition notIn(Collection<?> values) { return new InList(this, bindAll(values), true); }
    default Condition notIn(Select<?> subquery) { return new InSelect(this, subquery, true); }
    default Condition notIn(CompoundSelect<?> subquery) { return new InSelect(this, subquery, true); }
    /**
     * {@code this = ANY(?)}: IN over {@code values} bound as one array parameter, one statement text for lists of
     * any length; only where the dialect has the form (see {@link InArray}, which says how to choose).
     */
    default Condition inArray(Collection<?> values) { return InArray.of(this, values, false); }
    /** {@code this <> ALL(?)}: NOT IN over {@code values} bound as one array parameter (see {@link InArray}). */
    default Condition notInArray(Collection<?> values) { return InArray.of(this, values, true); }

    private List<Expression<?>> bindAll(Collection<?> values) {
        List<Expression<?>> out = new ArrayList<>(values.size());
        for (Object v : values) out.add(v instanceof Expression<?> e ? e : bind(v));
        return out;
    }

    // ---- strings ---------------------------------------------------------------------------
    /** {@code LIKE pattern}: the pattern's {@code %} and {@code _} are wildcards. */
    default Condition like(String pattern) { return new Like(this, Sql.param(pattern), null, false, false); }
    /** {@code LIKE pattern ESCAPE 'c'}. */
    default Condition like(String pattern, char escape) { return new Like(this, Sql.param(pattern), Like.checkEscape(escape), false, false); }
    default Condition notLike(String pattern) { return new Like(this, Sql.param(pattern), null, true, false); }
    default Condition notLike(String pattern, char escape) { return new Like(this, Sql.param(pattern), escape, true, false); }
    /** Case-insensitive LIKE (ILIKE on PostgreSQL, {@code lower(x) LIKE lower(p)} elsewhere). */
    default Condition ilike(String pattern) { return new Like(this, Sql.param(pattern), null, false, true); }
    /** Matches values starting with {@code prefix} taken literally: {@code %} and {@code _} in it are escaped. */
    default Condition startsWith(String prefix) { return new Like(this, Sql.param(Like.escape(prefix) + "%"), Like.ESCAPE, false, false); }
    default Condition endsWith(String suffix) { return new Like(this, Sql.param("%" + Like.escape(suffix)), Like.ESCAPE, false, false); }
    default Condition contains(String part) { return new Like(this, Sql.param("%" + Like.escape(part) + "%"), Like.ESCAPE, false, false); }
    /** {@link #startsWith(String)} with {@code escape} as the escape character (instead of {@code /}). */
    default Condition startsWith(String prefix, char escape) { return new Like(this, Sql.param(Like.escape(prefix, escape) + "%"), escape, false, false); }
    default Condition endsWith(String suffix, char escape) { return new Like(this, Sql.param("%" + Like.escape(suffix, escape)), escape, false, false); }
    default Condition contains(String part, char escape) { return new Like(this, Sql.param("%" + Like.escape(part, escape) + "%"), escape, false, false); }

    /** {@code LIKE pattern} where the pattern is an expression (a column, a concatenation): its {@code %} and {@code _} are wildcards. */
    default Condition like(Expression<String> pattern) { return new Like(this, pattern, null, false, false); }
    /** {@code LIKE pattern ESCAPE 'c'} with the pattern an expression. */
    default Condition like(Expression<String> pattern, char escape) { return new Like(this, pattern, Like.checkEscape(escape), false, false); }
    default Condition notLike(Expression<String> pattern) { return new Like(this, pattern, null, true, false); }
    default Condition notLike(Expression<String> pattern, char escape) { return new Like(this, pattern, Like.checkEscape(escape), true, false); }
    /**
     * Matches values starting with the value of {@code prefix}, taken literally as a Java string is:
     * {@code %}, {@code _} and the escape character in it are escaped in SQL with replace().
     */
    default Condition startsWith(Expression<String> prefix) { return startsWith(prefix, Like.ESCAPE); }
    default Condition startsWith(Expression<String> prefix, char escape) {
        return new Like(this, Like.concat(Like.escaped(prefix, escape), Sql.literal("%")), escape, false, false);
    }
    /** Matches values ending with the value of {@code suffix}, taken literally (see {@link #startsWith(Expression)}). */
    default Condition endsWith(Expression<String> suffix) { return endsWith(suffix, Like.ESCAPE); }
    default Condition endsWith(Expression<String> suffix, char escape) {
        return new Like(this, Like.concat(Sql.literal("%"), Like.escaped(suffix, escape)), escape, false, false);
    }
    /** Matches values containing the value of {@code part}, taken literally (see {@link #startsWith(Expression)}). */
    default Condition contains(Expression<String> part) { return contains(part, Like.ESCAPE); }
    default Condition contains(Expression<String> part, char escape) {
        return new Like(this, Like.concat(Like.concat(Sql.literal("%"), Like.escaped(part, escape)), Sql.literal("%")), escape, false, false);
    }

    /** {@code this REGEXP pattern} ({@code ~} on PostgreSQL): the pattern, bound, matches somewhere in this value; see {@link RegexpMatch}. */
    default Condition regexpMatch(String pattern) { return new RegexpMatch(this, Sql.param(pattern), false); }
    default Condition regexpMatch(Expression<String> pattern) { return new RegexpMatch(this, pattern, false); }
    default Condition notRegexpMatch(String pattern) { return new RegexpMatch(this, Sql.param(pattern), true); }
    default Condition notRegexpMatch(Expression<String> pattern) { return new RegexpMatch(this, pattern, true); }

    /** String concatenation ({@code ||}, or {@code CONCAT} where the dialect spells it so). */
    default Expression<String> concat(Object other) {
        Expression<?> right = other instanceof Expression<?> e ? e : Sql.param(String.valueOf(other));
        return new Binary<>(this, Operator.CONCAT, right, SqlTypes.TEXT);
    }

    // ---- arithmetic ------------------------------------------------------------------------
    // An expression operand may be of another numeric type, as in SQLAlchemy: PRICE (NUMERIC) times
    // QUANTITY (INTEGER) is NUMERIC, typed BigDecimal. The result keeps this expression's type, which
    // must be the wider one (see Binary#arithmeticType); a narrower left operand is refused with advice.
    default Expression<T> plus(T value) { return new Binary<>(this, Operator.PLUS, bind(value), type()); }
    /** {@code this + other}; {@code other} may be a narrower numeric type (see {@link Binary#arithmeticType}). */
    default Expression<T> plus(Expression<?> other) { return new Binary<>(this, Operator.PLUS, other, Binary.arithmeticType(this, Operator.PLUS, other)); }
    default Expression<T> minus(T value) { return new Binary<>(this, Operator.MINUS, bind(value), type()); }
    /** {@code this - other}; {@code other} may be a narrower numeric type (see {@link Binary#arithmeticType}). */
    default Expression<T> minus(Expression<?> other) { return new Binary<>(this, Operator.MINUS, other, Binary.arithmeticType(this, Operator.MINUS, other)); }
    default Expression<T> times(T value) { return new Binary<>(this, Operator.TIMES, bind(value), type()); }
    /** {@code this * other}; {@code other} may be a narrower numeric type (see {@link Binary#arithmeticType}). */
    default Expression<T> times(Expression<?> other) { return new Binary<>(this, Operator.TIMES, other, Binary.arithmeticType(this, Operator.TIMES, other)); }
    /**
     * {@code this / value}. Two integer operands divide as integers, truncating toward zero, on every
     * database (MySQL/MariaDB are given {@code DIV}, as their {@code /} returns a decimal); cast an
     * operand to NUMERIC for an exact quotient.
     */
    default Expression<T> div(T value) { return new Binary<>(this, Operator.DIV, bind(value), type()); }
    /** {@code this / other}; {@code other} may be a narrower numeric type (see {@link #div(Object)} and {@link Binary#arithmeticType}). */
    default Expression<T> div(Expression<?> other) { return new Binary<>(this, Operator.DIV, other, Binary.arithmeticType(this, Operator.DIV, other)); }
    default Expression<T> mod(T value) { return new Binary<>(this, Operator.MOD, bind(value), type()); }
    default Expression<T> neg() { return new Unary<>(Operator.NEG, this, type()); }

    // ---- naming, ordering, casting ---------------------------------------------------------
    /** {@code this AS name}; ordering by the label renders just its name. */
    default Label<T> as(String name) { return new Label<>(this, name); }
    default OrderItem asc() { return new OrderItem(this, false, OrderItem.Nulls.DEFAULT); }
    default OrderItem desc() { return new OrderItem(this, true, OrderItem.Nulls.DEFAULT); }
    default <U> Expression<U> cast(SqlType<U> target) { return new Cast<>(this, target); }
    /** {@code this OVER (window)}, for window functions and aggregates: {@code rank().over(window().orderBy(X))}. */
    default Expression<T> over(Window window) { return new Over<>(this, window); }
}
