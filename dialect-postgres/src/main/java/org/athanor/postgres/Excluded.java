package org.athanor.postgres;

import org.athanor.core.compile.KeyBuilder;
import org.athanor.core.compile.SqlCompiler;
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

    @Override public void render(SqlCompiler c) { c.append("excluded.").appendIdentifier(column.name()); }

    @Override public void accept(SqlCompiler c) { c.visitExtension(this); }

    @Override public void key(KeyBuilder k) { k.add(Excluded.class); k.add(column); }

    @Override public String constructName() { return "excluded"; }
}
