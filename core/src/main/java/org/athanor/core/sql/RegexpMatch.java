package org.athanor.core.sql;

import org.athanor.core.type.SqlType;
import org.athanor.core.type.SqlTypes;

/**
 * {@code x [NOT] REGEXP pattern} (MySQL/MariaDB, SQLite through a function the SQLite dialect registers
 * on every connection), {@code x ~ pattern} / {@code !~} on PostgreSQL: true when the pattern matches
 * somewhere in x. The regular-expression flavour is the database's (POSIX on PostgreSQL, ICU on MySQL 8,
 * PCRE on MariaDB, java.util.regex on SQLite); MySQL/MariaDB follow the operand's collation for case.
 */
public record RegexpMatch(Expression<?> operand, Expression<?> pattern, boolean negated) implements Condition {
    @Override public SqlType<Boolean> type() { return SqlTypes.BOOLEAN; }
    @Override public void accept(SqlVisitor c) { c.visitRegexpMatch(this); }
    @Override public void key(KeyBuilder k) { k.add(RegexpMatch.class); k.add(negated); operand.key(k); pattern.key(k); }
}
