package org.athanor.core.sql;

import org.athanor.core.type.SqlType;
import org.athanor.core.type.SqlTypes;

/**
 * {@code regexp_replace(x, pattern, replacement)}: every match of the pattern replaced (PostgreSQL is
 * given the {@code 'g'} flag for that). Back-references in the replacement are spelled the database's
 * way ({@code \1} on PostgreSQL and MariaDB, {@code $1} on MySQL 8 and SQLite).
 */
public record RegexpReplace(Expression<?> operand, Expression<?> pattern, Expression<?> replacement)
        implements Expression<String> {
    @Override public SqlType<String> type() { return SqlTypes.TEXT; }
    @Override public void accept(SqlVisitor c) { c.visitRegexpReplace(this); }
    @Override public void key(KeyBuilder k) { k.add(RegexpReplace.class); operand.key(k); pattern.key(k); replacement.key(k); }
}
