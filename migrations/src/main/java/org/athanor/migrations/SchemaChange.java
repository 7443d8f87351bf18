package org.athanor.migrations;

import java.util.List;
import java.util.Set;
import org.athanor.core.inspect.ColumnInfo;
import org.athanor.core.inspect.ForeignKeyInfo;
import org.athanor.core.inspect.IndexInfo;
import org.athanor.core.inspect.PrimaryKeyInfo;
import org.athanor.core.schema.Column;
import org.athanor.core.schema.ForeignKey;
import org.athanor.core.schema.Index;
import org.athanor.core.schema.Table;

/**
 * One difference between a {@link org.athanor.core.schema.MetaData} (what the code declares) and a
 * live database (what the inspector reads). "Added" means the model has it and the database does
 * not; "removed" means the database has it and the model does not. Each change reads as one line.
 */
public sealed interface SchemaChange {
    /** The table the change is about. */
    String tableName();

    /** One line, e.g. {@code column "users"."age": type INTEGER in the database, BIGINT in the model}. */
    String describe();

    record TableAdded(Table table) implements SchemaChange {
        public String tableName() { return table.name(); }
        public String describe() { return "table " + quote(table.name()) + " is missing from the database"; }
    }

    record TableRemoved(String tableName) implements SchemaChange {
        public String describe() { return "table " + quote(tableName) + " is in the database but not in the model"; }
    }

    record ColumnAdded(Column<?> column) implements SchemaChange {
        public String tableName() { return column.table().name(); }
        public String describe() { return "column " + where(column.table().name(), column.name()) + " is missing from the database"; }
    }

    record ColumnRemoved(String tableName, ColumnInfo column) implements SchemaChange {
        public String describe() { return "column " + where(tableName, column.name()) + " (" + column.typeName() + ") is in the database but not in the model"; }
    }

    /** What differs in a column present on both sides. */
    enum Aspect { TYPE, NULLABLE, DEFAULT }

    record ColumnChanged(Column<?> column, ColumnInfo database, Set<Aspect> aspects, String modelType, String databaseType)
            implements SchemaChange {
        public ColumnChanged { aspects = Set.copyOf(aspects); }
        public String tableName() { return column.table().name(); }
        public String describe() {
            StringBuilder b = new StringBuilder("column ").append(where(tableName(), column.name())).append(':');
            String sep = " ";
            if (aspects.contains(Aspect.TYPE)) {
                b.append(sep).append("type ").append(databaseType).append(" in the database, ").append(modelType).append(" in the model");
                sep = "; ";
            }
            if (aspects.contains(Aspect.NULLABLE)) {
                b.append(sep).append(database.nullable() ? "nullable" : "NOT NULL").append(" in the database, ")
                        .append(column.isNullable() ? "nullable" : "NOT NULL").append(" in the model");
                sep = "; ";
            }
            if (aspects.contains(Aspect.DEFAULT))
                b.append(sep).append("default ").append(database.defaultValue()).append(" in the database, ")
                        .append(column.serverDefault()).append(" in the model");
            return b.toString();
        }
    }

    record PrimaryKeyChanged(Table table, PrimaryKeyInfo database) implements SchemaChange {
        public String tableName() { return table.name(); }
        public String describe() {
            return "primary key of " + quote(table.name()) + ": " + database.columns() + " in the database, "
                    + table.primaryKeyColumns().stream().map(Column::name).toList() + " in the model";
        }
    }

    record ForeignKeyAdded(ForeignKey foreignKey) implements SchemaChange {
        public String tableName() { return foreignKey.table().name(); }
        public String describe() { return "foreign key " + fk(foreignKey) + " is missing from the database"; }
    }

    record ForeignKeyRemoved(String tableName, ForeignKeyInfo database) implements SchemaChange {
        public String describe() {
            return "foreign key " + quote(tableName) + database.columns() + " -> " + quote(database.referredTable())
                    + database.referredColumns() + (database.name() != null ? " (" + database.name() + ")" : "")
                    + " is in the database but not in the model";
        }
    }

    record ForeignKeyChanged(ForeignKey foreignKey, ForeignKeyInfo database) implements SchemaChange {
        public String tableName() { return foreignKey.table().name(); }
        public String describe() {
            return "foreign key " + fk(foreignKey) + ": ON DELETE " + database.onDelete().sql() + " ON UPDATE "
                    + database.onUpdate().sql() + " in the database, ON DELETE " + foreignKey.onDelete().sql()
                    + " ON UPDATE " + foreignKey.onUpdate().sql() + " in the model";
        }
    }

    record IndexAdded(Index index) implements SchemaChange {
        public String tableName() { return index.table().name(); }
        public String describe() { return "index " + index.name() + " on " + quote(tableName()) + names(index.columns()) + " is missing from the database"; }
    }

    record IndexRemoved(String tableName, IndexInfo database) implements SchemaChange {
        public String describe() { return "index " + database.name() + " on " + quote(tableName) + database.columns() + " is in the database but not in the model"; }
    }

    /** A unique constraint (or unique index: the databases do not all tell them apart) the database lacks. */
    record UniqueAdded(Table table, String name, List<Column<?>> columns, boolean asIndex) implements SchemaChange {
        public UniqueAdded { columns = List.copyOf(columns); }
        public String tableName() { return table.name(); }
        public String describe() {
            return "unique " + (asIndex ? "index " : "constraint ") + (name != null ? name + " " : "") + "on "
                    + quote(table.name()) + names(columns) + " is missing from the database";
        }
    }

    /** A unique constraint or index the model lacks; {@code constraint} tells which the database has. */
    record UniqueRemoved(String tableName, String name, List<String> columns, boolean constraint) implements SchemaChange {
        public UniqueRemoved { columns = List.copyOf(columns); }
        public String describe() {
            return "unique " + (constraint ? "constraint " : "index ") + (name != null ? name + " " : "") + "on "
                    + quote(tableName) + columns + " is in the database but not in the model";
        }
    }

    private static String quote(String name) { return '"' + name + '"'; }
    private static String where(String table, String column) { return quote(table) + "." + quote(column); }
    private static String names(List<Column<?>> cols) { return cols.stream().map(Column::name).toList().toString(); }
    private static String fk(ForeignKey fk) {
        return quote(fk.table().name()) + names(fk.columns()) + " -> " + quote(fk.referencedTable().name()) + names(fk.referencedColumns());
    }
}
