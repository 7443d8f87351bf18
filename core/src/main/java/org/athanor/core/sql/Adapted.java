package org.athanor.core.sql;

import java.util.Objects;
import org.athanor.core.type.SqlType;
import org.athanor.core.type.SqlTypes;
import org.athanor.core.schema.Table;

/**
 * A condition whose columns of table {@code from} are read through {@code to}, an alias of that table
 * (SQLAlchemy's {@code ClauseAdapter}): {@code Sql.adapt(Course_.TITLE.eq("art"), Course_.TABLE, c)} renders
 * {@code c.title = ?}. Only columns of the {@code from} object itself are adapted (not those of other aliases),
 * also inside subqueries of the condition, whose FROM inference sees {@code to} for them. Built by {@link Sql#adapt}.
 */
public record Adapted(Expression<Boolean> expression, Table from, Table to) implements Condition {
    public Adapted {
        Objects.requireNonNull(expression, "expression");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (from == to || !from.sameTableAs(to))
            throw new IllegalArgumentException("adapt(..., " + from + ", " + to + "): the second table must be another alias of "
                    + from.name() + ", e.g. " + from.name() + ".as(\"x\")");
    }

    @Override public SqlType<Boolean> type() { return SqlTypes.BOOLEAN; }
    @Override public void accept(SqlVisitor v) { v.visitAdapted(this); }

    @Override
    public void key(KeyBuilder k) {
        k.add(Adapted.class);
        from.key(k);
        to.key(k);
        expression.key(k);
    }
}
