package org.athanor.core.sql;


/** A DML statement with RETURNING: a query whose rows are the returned columns. */
public record Returning<R>(Dml statement, RowKind rowKind) implements Query<R> {
    @Override public void accept(SqlVisitor c) { statement.accept(c); }
    @Override public void key(KeyBuilder k) { statement.key(k); }
    @Override public String toString() { return Sql.render(this); }
}
