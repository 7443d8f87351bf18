package org.athanor.core.sql;

import org.athanor.core.type.SqlType;

/** A bind parameter: rendered as {@code ?}, its value sent separately and never part of the cache key. */
public final class Param<T> implements Expression<T> {
    private final T value;
    private final SqlType<T> type;
    private final String name;

    public Param(T value, SqlType<T> type) { this(value, type, null); }

    public Param(T value, SqlType<T> type, String name) {
        this.value = value;
        this.type = type;
        this.name = name;
    }

    public T value() { return value; }
    @Override public SqlType<T> type() { return type; }
    /** The name of a named parameter (executemany templates, text), or null. */
    public String name() { return name; }

    @Override public void accept(SqlVisitor c) { c.visitParam(this); }
    @Override public void key(KeyBuilder k) { k.param(this); }
    @Override public String toString() { return Sql.render(this); }
}
