package org.athanor.core.sql;

import org.athanor.core.compile.KeyBuilder;
import org.athanor.core.compile.SqlCompiler;
import org.athanor.core.schema.Column;
import org.athanor.core.schema.Table;

/**
 * A LATERAL derived table {@code LATERAL (SELECT ...) AS alias}, whose select may refer to tables
 * earlier in the FROM list (PostgreSQL; MySQL 8.0.14+). Databases without LATERAL raise an error
 * naming themselves.
 *
 * <pre>{@code
 * Lateral latest = select(POSTS.TITLE).where(POSTS.USER_ID.eq(USERS.ID)).orderBy(POSTS.ID.desc()).limit(1).lateral("latest");
 * select(USERS.NAME, latest.get(POSTS.TITLE)).from(USERS).join(latest, Sql.literal(true));
 * }</pre>
 */
public final class Lateral extends Table {
    private final Select<?> select;

    Lateral(Select<?> select, String alias) {
        super(alias);
        this.select = select;
        for (Expression<?> e : select.columns()) addColumn(this, Select.nameOf(e), e.type());
    }

    public Select<?> select() { return select; }

    /** The column of this derived table that exposes {@code inner} from the select list. */
    @SuppressWarnings("unchecked")
    public <T> Column<T> get(Expression<T> inner) {
        int i = select.columns().indexOf(inner);
        if (i < 0) return (Column<T>) column(Select.nameOf(inner));
        return (Column<T>) columns().get(i);
    }

    @Override public boolean isDerived() { return true; }
    @Override public Table as(String alias) { return new Lateral(select, alias); }
    @Override public void accept(SqlCompiler c) { c.visitLateral(this); }
    @Override public void key(KeyBuilder k) { k.add(Lateral.class); k.add(name()); select.key(k); }
}
