package org.athanor.core.sql;

/** A boolean expression, combinable with {@link #and}, {@link #or} and {@link #not}. */
public interface Condition extends Expression<Boolean> {
    default Condition and(Expression<Boolean> other) { return Sql.and(this, other); }
    default Condition or(Expression<Boolean> other) { return Sql.or(this, other); }
    default Condition not() { return Sql.not(this); }
}
