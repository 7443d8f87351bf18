package org.athanor.core.sql;

import java.util.ArrayList;
import java.util.List;
import org.athanor.core.schema.Column;
import org.athanor.core.schema.ForeignKey;
import org.athanor.core.schema.Table;

/** {@code left <type> JOIN right ON condition}. */
public record Join(FromItem left, FromItem right, JoinType type, Expression<Boolean> on) implements FromItem {
    public Join {
        if (on == null && type != JoinType.CROSS)
            throw new IllegalArgumentException(type + " join of " + right + " needs an ON condition");
    }

    @Override public void accept(SqlVisitor c) { c.visitJoin(this); }

    @Override public void key(KeyBuilder k) {
        k.add(Join.class); k.add(type); left.key(k); right.key(k);
        if (on != null) on.key(k);
    }

    /** The tables of a FROM tree, left to right. */
    public static List<Table> tablesOf(FromItem item) {
        List<Table> out = new ArrayList<>();
        collect(item, out);
        return out;
    }

    private static void collect(FromItem item, List<Table> out) {
        if (item instanceof Join j) { collect(j.left, out); collect(j.right, out); }
        else if (item instanceof Table t) out.add(t);
    }

    /** A join whose ON clause comes from the one foreign key between {@code left}'s tables and {@code right}. */
    static Join infer(FromItem left, FromItem right, JoinType type) {
        return new Join(left, right, type, inferOn(left, right));
    }

    /**
     * The equality over the single foreign key linking any table of {@code left} with {@code right}.
     * No key, or more than one, is an error naming the tables and the keys found.
     */
    public static Expression<Boolean> inferOn(FromItem left, FromItem right) {
        if (!(right instanceof Table r))
            throw new IllegalArgumentException("cannot infer a join condition to " + right + ": give the ON clause");
        List<Expression<Boolean>> found = new ArrayList<>();
        List<ForeignKey> keys = new ArrayList<>();
        for (Table l : tablesOf(left)) {
            for (ForeignKey fk : r.foreignKeys())
                if (fk.references(l)) { found.add(condition(fk, r, l)); keys.add(fk); }
            if (l.sameTableAs(r)) continue; // self-join: r's keys already matched l
            for (ForeignKey fk : l.foreignKeys())
                if (fk.references(r)) { found.add(condition(fk, l, r)); keys.add(fk); }
        }
        if (found.size() == 1) return found.get(0);
        String sides = tablesOf(left).stream().map(Table::toString).toList() + " and " + r;
        if (found.isEmpty())
            throw new IllegalArgumentException("no foreign key links " + sides + "; give the ON clause explicitly");
        throw new IllegalArgumentException("several foreign keys link " + sides + " " + keys
                + "; give the ON clause explicitly to choose one");
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Expression<Boolean> condition(ForeignKey fk, Table child, Table parent) {
        List<Expression<Boolean>> parts = new ArrayList<>();
        for (int i = 0; i < fk.columns().size(); i++) {
            Column local = child.corresponding(fk.columns().get(i));
            Column remote = parent.corresponding(fk.referencedColumns().get(i));
            parts.add(local.eq(remote));
        }
        return parts.size() == 1 ? parts.get(0) : new BooleanList(Operator.AND, parts);
    }
}
