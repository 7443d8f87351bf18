package org.athanor.core.sql;

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
public final class Lateral extends DerivedTable {
    Lateral(Select<?> select, String alias) { super(select, alias); }

    @Override public Table as(String alias) { return new Lateral(select(), alias); }
    @Override public void accept(SqlVisitor c) { c.visitLateral(this); }
    @Override public void key(KeyBuilder k) { k.add(Lateral.class); k.add(name()); declareName(k); select().key(k); }
}
