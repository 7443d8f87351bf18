package org.athanor.core.sql;

import org.athanor.core.schema.Column;
import org.athanor.core.type.SqlType;

/**
 * The value a conflicting INSERT proposed for {@code column}, inside an upsert's update:
 * {@code excluded.col} (PostgreSQL, SQLite), {@code VALUES(col)} (MySQL/MariaDB).
 */
public record Excluded<T>(Column<T> column) implements Expression<T> {
    @Override public SqlType<T> type() { return column.type(); }
    @Override public void accept(SqlVisitor c) { c.visitExcluded(this); }
    @Override public void key(KeyBuilder k) { k.add(Excluded.class); k.add(column); }
}
