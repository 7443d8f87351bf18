package org.athanor.core.sql;

import org.athanor.core.schema.Table;

/**
 * A derived table {@code (SELECT ...) AS alias}. Its columns are named after the select list's
 * labels or column names; {@link #get(Expression)} finds the column derived from an expression.
 */
public final class Subquery extends DerivedTable {
    Subquery(Select<?> select, String alias) { super(select, alias); }

    @Override public Table as(String alias) { return new Subquery(select(), alias); }
    @Override public void accept(SqlVisitor c) { c.visitSubquery(this); }
    @Override public void key(KeyBuilder k) { k.add(Subquery.class); k.add(name()); declareName(k); select().key(k); }
}
