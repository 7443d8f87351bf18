package org.athanor.orm.rules.check;

import java.util.List;
import java.util.function.Predicate;
import org.athanor.orm.rules.AnnotationRules;
import org.athanor.orm.rules.Messages;

/**
 * The indexes and unique constraints of {@code @Table}, once the table's columns are known: each names
 * real columns, no DDL options. Written once for the runtime and the annotation processor.
 *
 * <p>Not API: public only so that the runtime and the processor, in other artifacts, share it.
 */
public final class TableChecks {
    private TableChecks() {}

    /**
     * The first mistake of {@code @Table} {@code table} (of table {@code tableName}), or null. {@code hasColumn}:
     * whether a name is one of the table's columns or attributes (JPA names columns; an attribute name is
     * accepted for convenience); {@code columns}: the table's columns, for the message.
     */
    public static String constraintsProblem(AnnotationView table, String tableName, Predicate<String> hasColumn,
                                            List<String> columns) {
        for (Object o : table.list("indexes")) {
            AnnotationView ix = (AnnotationView) o;
            String ddl = AnnotationRules.ddlMemberProblem("Index", "options", ix.string("options"));
            if (ddl != null) return ddl;
            String list = ix.string("columnList");
            for (String part : list.split(",")) {
                String[] words = part.trim().split("\\s+");
                if (words.length > 2 || (words.length == 2 && !words[1].equalsIgnoreCase("ASC")))
                    return "@Index(columnList = \"" + list + "\"): only column names (optionally followed by ASC) are "
                            + "supported, got '" + part.trim() + "'";
                String p = column(words[0], tableName, hasColumn, columns, "@Index");
                if (p != null) return p;
            }
        }
        for (Object o : table.list("uniqueConstraints")) {
            AnnotationView u = (AnnotationView) o;
            String ddl = AnnotationRules.ddlMemberProblem("UniqueConstraint", "options", u.string("options"));
            if (ddl != null) return ddl;
            if (u.list("columnNames").isEmpty()) return Messages.uniqueConstraintWithoutColumns();
            for (Object n : u.list("columnNames")) {
                String p = column(n.toString().trim(), tableName, hasColumn, columns, "@UniqueConstraint");
                if (p != null) return p;
            }
        }
        return null;
    }

    private static String column(String name, String tableName, Predicate<String> hasColumn, List<String> columns, String where) {
        if (name.isEmpty()) return Messages.emptyColumnName(where);
        if (hasColumn.test(name)) return null;
        return where + " names column '" + name + "', which the table " + tableName + " does not have; its columns are " + columns;
    }
}
