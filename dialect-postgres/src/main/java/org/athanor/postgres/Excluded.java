package org.athanor.postgres;

import org.athanor.core.sql.KeyBuilder;
import org.athanor.core.sql.RenderContext;
import org.athanor.core.sql.SqlNode;
import org.athanor.core.schema.Column;
import org.athanor.core.sql.Expression;
import org.athanor.core.sql.Extension;
import org.athanor.core.type.SqlType;

/**
 * {@code excluded.column} inside ON CONFLICT DO UPDATE: the value the rejected row proposed. {@code excluded}
 * is the name PostgreSQL gives that row, so it is written like a table name (lower case).
 */
record Excluded<T>(Column<T> column) implements Expression<T>, Extension {
    Excluded {
        java.util.Objects.requireNonNull(column, "column");
    }

    @Override public SqlType<T> type() { return column.type(); }

    @Override public void render(RenderContext c) { c.append("excluded.").appendIdentifier(column.name()); }


    @Override public void key(KeyBuilder k) { k.add(Excluded.class); k.add(column); }

    @Override public String constructName() { return "excluded"; }

    /** {@code excluded.col} names the proposed row, not a table of the statement. */
    @Override public java.util.List<? extends SqlNode> fromExpressions() { return java.util.List.of(); }
}
