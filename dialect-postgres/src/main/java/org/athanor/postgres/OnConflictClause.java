package org.athanor.postgres;

import java.util.List;
import org.athanor.core.sql.KeyBuilder;
import org.athanor.core.sql.RenderContext;
import org.athanor.core.sql.SqlNode;
import org.athanor.core.schema.Column;
import org.athanor.core.sql.Expression;
import org.athanor.core.sql.Extension;
import org.athanor.core.sql.Update;

/** The {@code ON CONFLICT ...} tail of an INSERT; built by {@link PostgresInsert}. */
record OnConflictClause(List<Column<?>> target, String constraint, Expression<Boolean> indexWhere, boolean doNothing,
                        List<Update.Assignment> set, Expression<Boolean> where) implements Extension {

    @Override
    public void render(RenderContext c) {
        c.append(" ON CONFLICT");
        if (constraint != null) {
            c.append(" ON CONSTRAINT ").appendIdentifier(constraint);
        } else if (!target.isEmpty()) {
            c.append(" (");
            for (int i = 0; i < target.size(); i++) {
                if (i > 0) c.append(", ");
                c.appendIdentifier(target.get(i).name());
            }
            c.append(')');
            if (indexWhere != null) {
                c.append(" WHERE ");
                c.visit(indexWhere);
            }
        }
        if (doNothing) {
            c.append(" DO NOTHING");
            return;
        }
        c.append(" DO UPDATE SET ");
        for (int i = 0; i < set.size(); i++) {
            if (i > 0) c.append(", ");
            c.appendIdentifier(set.get(i).column().name()).append(" = ");
            c.visit(set.get(i).value());
        }
        if (where != null) {
            c.append(" WHERE ");
            c.visit(where);
        }
    }

    @Override public String constructName() { return "ON CONFLICT"; }

    /** The target and SET values name the INSERT's own table, never a FROM item. */
    @Override public List<? extends SqlNode> fromExpressions() { return List.of(); }

    @Override
    public void key(KeyBuilder k) {
        k.add(OnConflictClause.class);
        k.add(constraint);
        k.add(doNothing);
        k.add(target.size());
        for (Column<?> col : target) k.add(col);
        k.opt(indexWhere);
        k.add(set.size());
        for (Update.Assignment a : set) {
            k.add(a.column());
            a.value().key(k);
        }
        k.opt(where);
    }
}
