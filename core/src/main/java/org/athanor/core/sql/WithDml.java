package org.athanor.core.sql;

import java.util.List;
import org.athanor.core.schema.Table;

/** {@code WITH ctes INSERT/UPDATE/DELETE ...}: executes like its DML statement. */
public record WithDml(List<Cte> ctes, Dml body) implements Dml {
    public WithDml { ctes = List.copyOf(ctes); }
    @Override public Table table() { return body.table(); }
    @Override public List<Expression<?>> returningColumns() { return body.returningColumns(); }
    @Override public void accept(SqlVisitor c) { c.visitWithDml(this); }
    @Override public void key(KeyBuilder k) { k.add(WithDml.class); k.add(ctes.size()); for (Cte c : ctes) c.keyDefinition(k); body.key(k); }
    @Override public String toString() { return Sql.render(this); }
}
