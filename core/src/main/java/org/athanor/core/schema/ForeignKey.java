package org.athanor.core.schema;

import java.util.List;
import java.util.function.Supplier;

/**
 * A foreign key from columns of one table to columns of another. The target is resolved lazily,
 * so a table may reference itself or a table declared later.
 */
public final class ForeignKey {
    private final Table table;
    private final List<Column<?>> columns;
    private final Supplier<List<Column<?>>> targetSupplier;
    private final ReferentialAction onDelete;
    private final ReferentialAction onUpdate;
    private final String name;
    private volatile List<Column<?>> target;

    ForeignKey(Table table, List<Column<?>> columns, Supplier<List<Column<?>>> target,
               ReferentialAction onDelete, ReferentialAction onUpdate, String name) {
        this.table = table;
        this.columns = List.copyOf(columns);
        this.targetSupplier = target;
        this.onDelete = onDelete;
        this.onUpdate = onUpdate;
        this.name = name;
    }

    public Table table() { return table; }
    public List<Column<?>> columns() { return columns; }

    /** The referenced columns, all of one table. */
    public List<Column<?>> referencedColumns() {
        List<Column<?>> t = target;
        if (t == null) {
            t = List.copyOf(targetSupplier.get());
            if (t.size() != columns.size())
                throw new IllegalStateException("foreign key on " + table.name() + columns.stream().map(Column::name).toList()
                        + " has " + columns.size() + " columns but references " + t.size());
            for (Column<?> c : t)
                if (c == null) throw new IllegalStateException("foreign key on " + table.name() + "." + columns.get(0).name()
                        + " references a column that is not initialized yet; use references(() -> TABLE.COLUMN)");
            target = t;
        }
        return t;
    }

    public Table referencedTable() { return referencedColumns().get(0).table(); }
    public ReferentialAction onDelete() { return onDelete; }
    public ReferentialAction onUpdate() { return onUpdate; }
    /** The constraint name, or null for a database-chosen one. */
    public String name() { return name; }

    /** True when this key points at {@code other}'s underlying table (aliases match their table). */
    public boolean references(Table other) {
        Table ref = referencedTable();
        return ref.sameTableAs(other);
    }

    @Override public String toString() {
        return table.name() + columns.stream().map(Column::name).toList() + " -> " + referencedTable().name()
                + referencedColumns().stream().map(Column::name).toList();
    }
}
