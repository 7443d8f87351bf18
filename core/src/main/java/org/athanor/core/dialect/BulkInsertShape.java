package org.athanor.core.dialect;

import java.util.List;
import org.athanor.core.schema.Column;
import org.athanor.core.schema.Table;

/**
 * What a planned bulk insert looks like, for {@link Dialect#keyStrategy}: the table, the columns
 * given per row, the columns to return, whether the INSERT has an ON CONFLICT clause, and whether
 * the given columns are all it writes (none filled by a client-side default).
 */
public record BulkInsertShape(Table table, List<Column<?>> columns, List<Column<?>> returning, boolean onConflict,
                              boolean givenOnly) {
    public BulkInsertShape {
        columns = List.copyOf(columns);
        returning = List.copyOf(returning);
    }

    /**
     * Whether the insert returns just the table's generated integer key: the table's only key column,
     * autoincrement, a {@code Long} or {@code Integer}, not among the inserted columns, and no ON
     * CONFLICT clause (which may skip rows).
     */
    public boolean returnsGeneratedIntegerKey() {
        if (returning.size() != 1 || onConflict) return false;
        Column<?> key = returning.get(0);
        Class<?> j = key.type().javaType();
        if (!key.isAutoincrement() || key.table() != table || (j != Long.class && j != Integer.class)) return false;
        return table.primaryKeyColumns().equals(List.of(key)) && !columns.contains(key);
    }
}
