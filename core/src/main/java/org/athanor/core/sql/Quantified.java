package org.athanor.core.sql;

import org.athanor.core.type.SqlType;

/**
 * {@code ANY (SELECT ...)} or {@code ALL (SELECT ...)} on the right of a comparison:
 * {@code USERS.AGE.gt(all(select(OTHER.AGE)))}. Where the database lacks quantified comparisons
 * (SQLite) the compiler rewrites the comparison with EXISTS, keeping SQL's three-valued result.
 */
public record Quantified<T>(Quantifier quantifier, Select<?> select, SqlType<T> type) implements Expression<T> {
    public enum Quantifier { ANY, ALL }

    public Quantified {
        if (select.columns().size() != 1)
            throw new IllegalArgumentException(quantifier + " (subquery) needs a subquery of one column, got " + select.columns().size());
    }

    @Override public void accept(SqlVisitor c) { c.visitQuantified(this); }
    @Override public void key(KeyBuilder k) { k.add(Quantified.class); k.add(quantifier); select.key(k); }
}
