package org.athanor.orm.mapping;

import java.util.ArrayList;
import java.util.List;
import org.athanor.core.schema.Column;
import org.athanor.core.schema.Table;
import org.athanor.orm.rules.check.TableChecks;

/** {@code @Table(indexes, uniqueConstraints)} onto the Core table. */
final class TableConstraints {
    private TableConstraints() {}

    static void add(Class<?> cls, Table table, jakarta.persistence.Table ann, List<Attribute> attributes) {
        // the rules shared with the processor (TableChecks)
        String p = TableChecks.constraintsProblem(ReflectionViews.annotation(ann), table.name(),
                n -> table.hasColumn(n) || attributes.stream().anyMatch(a -> a.name().equals(n)),
                table.columns().stream().map(Column::name).toList());
        if (p != null) throw MappingException.of(cls, null, p);
        for (jakarta.persistence.Index ix : ann.indexes()) {
            List<Column<?>> cols = new ArrayList<>();
            for (String part : ix.columnList().split(",")) cols.add(column(table, attributes, part.trim().split("\\s+")[0]));
            String name = ix.name().isEmpty() ? defaultName("ix", table, cols) : ix.name();
            Table.addIndex(table, name, cols, ix.unique());
        }
        for (jakarta.persistence.UniqueConstraint u : ann.uniqueConstraints()) {
            List<Column<?>> cols = new ArrayList<>();
            for (String n : u.columnNames()) cols.add(column(table, attributes, n.trim()));
            Table.addUnique(table, u.name().isEmpty() ? null : u.name(), cols);
        }
    }

    private static String defaultName(String prefix, Table table, List<Column<?>> cols) {
        StringBuilder b = new StringBuilder(prefix).append('_').append(table.name());
        for (Column<?> c : cols) b.append('_').append(c.name());
        return b.toString();
    }

    /** A column by its column name (as JPA specifies) or, for convenience, by its attribute name (checked: TableChecks). */
    private static Column<?> column(Table table, List<Attribute> attributes, String name) {
        if (table.hasColumn(name)) return table.column(name);
        for (Attribute a : attributes) if (a.name().equals(name)) return a.column();
        throw new IllegalStateException("no column " + name + " in " + table.name());
    }
}
