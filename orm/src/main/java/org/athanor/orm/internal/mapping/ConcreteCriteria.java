package org.athanor.orm.internal.mapping;

import jakarta.persistence.InheritanceType;
import java.util.List;
import org.athanor.core.schema.Column;
import org.athanor.core.schema.Table;
import org.athanor.core.sql.Expression;
import org.athanor.core.sql.Row;
import org.athanor.core.sql.Select;

/**
 * Filters of a polymorphic TABLE_PER_CLASS query on a subclass's own columns. The query reads a UNION ALL
 * of its subtree's tables named like the queried class's table, so the queried class's columns
 * ({@code Shape_.name}) filter it directly; a subclass's metamodel column ({@code Circle_.radius}) names the
 * subclass's table, which the union hides. Such a condition becomes {@code <key> IN (SELECT <key> FROM
 * <the subclass's own load statement> WHERE condition)}: the subclass's statement exposes its columns under
 * its table's name (its table, or its own union when it has subclasses, so Polygon_.sides matches Squares
 * too), and the rows of other classes drop out, as SQLAlchemy's NULL columns make them drop out of
 * its union. Ids are unique across a table-per-class hierarchy (a mapping rule), so the key alone tells
 * the rows apart.
 */
public final class ConcreteCriteria {
    private ConcreteCriteria() {}

    /** Whether a query of {@code info} reads a UNION ALL of several tables. */
    public static boolean isUnion(Mapper info) {
        return info.inheritance != null && info.inheritance.strategy() == InheritanceType.TABLE_PER_CLASS
                && info.loadTarget.columnCount() != info.attrs.length;
    }

    /**
     * {@code condition} as a filter of {@code info}'s union: itself when it reads only {@code info}'s columns (or
     * no table of the hierarchy), else the key's IN over the one subclass whose table it reads. A condition
     * reading several classes' tables is refused, naming the fix.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static Expression<Boolean> adapt(Mapper info, Iterable<Mapper> registry, Expression<Boolean> condition) {
        Mapper owner = null;
        for (Table t : Select.tablesOf(List.of(condition))) {
            if (t == info.table) {
                if (owner != null) throw mixed(info, condition);
                owner = info;
                continue;
            }
            Mapper c = null;
            for (Mapper m : registry)
                if (m.table == t && m != info && info.type.isAssignableFrom(m.type)) c = m;
            if (c == null) continue; // another entity's table: the query joined it
            if (owner != null && owner != c) throw mixed(info, condition);
            owner = c;
        }
        if (owner == null || owner == info) return condition;
        if (info.idIdx.length != 1)
            throw new IllegalArgumentException("filter(" + condition + ") on " + info.name + ": a condition on the columns of "
                    + owner.name + " needs a single-column key to pick its rows out of the union of " + info.name + "'s tables; "
                    + "query " + owner.name + " instead");
        Column id = info.attrs[info.idIdx[0]].column();
        Select<Row> keys = owner.selectAll.withColumns(owner.attrs[owner.idIdx[0]].column()).where(condition);
        return id.in(keys);
    }

    private static IllegalArgumentException mixed(Mapper info, Expression<Boolean> condition) {
        return new IllegalArgumentException("filter(" + condition + ") on " + info.name + ": the condition reads the columns of "
                + "several classes of its TABLE_PER_CLASS hierarchy, whose rows are in different tables; give one condition per "
                + "class (filter(a, b) ANDs them), or query the subclass");
    }
}
