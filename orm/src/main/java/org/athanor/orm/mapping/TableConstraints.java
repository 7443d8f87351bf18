package org.athanor.orm.mapping;

import java.util.ArrayList;
import java.util.List;
import org.athanor.core.schema.Column;
import org.athanor.core.schema.Table;
import org.athanor.orm.rules.Messages;

/** {@code @Table(indexes, uniqueConstraints)} onto the Core table. */
final class TableConstraints {
    private TableConstraints() {}

    static void add(Class<?> cls, Table table, jakarta.persistence.Table ann, List<Attribute> attributes) {
        for (jakarta.persistence.Index ix : ann.indexes()) {
            String ddl = org.athanor.orm.rules.AnnotationRules.ddlMemberProblem("Index", "options", ix.options());
            if (ddl != null) throw MappingException.of(cls, null, ddl);
            List<Column<?>> cols = new ArrayList<>();
            for (String part : ix.columnList().split(",")) {
                String[] words = part.trim().split("\\s+");
                if (words.length > 2 || (words.length == 2 && !words[1].equalsIgnoreCase("ASC")))
                    throw MappingException.of(cls, null, "@Index(columnList = \"" + ix.columnList() + "\"): only column "
                            + "names (optionally followed by ASC) are supported, got '" + part.trim() + "'");
                cols.add(column(cls, table, attributes, words[0], "@Index"));
            }
            String name = ix.name().isEmpty() ? defaultName("ix", table, cols) : ix.name();
            Table.addIndex(table, name, cols, ix.unique());
        }
        for (jakarta.persistence.UniqueConstraint u : ann.uniqueConstraints()) {
            String ddl = org.athanor.orm.rules.AnnotationRules.ddlMemberProblem("UniqueConstraint", "options", u.options());
            if (ddl != null) throw MappingException.of(cls, null, ddl);
            List<Column<?>> cols = new ArrayList<>();
            for (String n : u.columnNames()) cols.add(column(cls, table, attributes, n.trim(), "@UniqueConstraint"));
            if (cols.isEmpty()) throw MappingException.of(cls, null, Messages.uniqueConstraintWithoutColumns());
            Table.addUnique(table, u.name().isEmpty() ? null : u.name(), cols);
        }
    }

    private static String defaultName(String prefix, Table table, List<Column<?>> cols) {
        StringBuilder b = new StringBuilder(prefix).append('_').append(table.name());
        for (Column<?> c : cols) b.append('_').append(c.name());
        return b.toString();
    }

    /** A column by its column name (as JPA specifies) or, for convenience, by its attribute name. */
    private static Column<?> column(Class<?> cls, Table table, List<Attribute> attributes, String name, String where) {
        if (name.isEmpty()) throw MappingException.of(cls, null, Messages.emptyColumnName(where));
        if (table.hasColumn(name)) return table.column(name);
        for (Attribute a : attributes) if (a.name().equals(name)) return a.column();
        throw MappingException.of(cls, null, where + " names column '" + name + "', which the table " + table.name()
                + " does not have; its columns are " + table.columns().stream().map(Column::name).toList());
    }
}
