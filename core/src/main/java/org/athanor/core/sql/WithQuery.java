package org.athanor.core.sql;

import java.util.List;

/** {@code WITH ctes <query>}: a query preceded by its common table expressions. */
public record WithQuery<R>(List<Cte> ctes, Query<R> body) implements Query<R> {
    public WithQuery { ctes = List.copyOf(ctes); }
    @Override public RowKind rowKind() { return body.rowKind(); }
    @Override public void accept(SqlVisitor c) { c.visitWithQuery(this); }
    @Override public void key(KeyBuilder k) { k.add(WithQuery.class); k.add(ctes.size()); for (Cte c : ctes) c.keyDefinition(k); body.key(k); }
    @Override public String toString() { return Sql.render(this); }
}
