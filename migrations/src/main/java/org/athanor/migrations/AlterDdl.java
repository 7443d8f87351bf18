package org.athanor.migrations;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.athanor.core.dialect.DdlCompiler;
import org.athanor.core.dialect.Dialect;
import org.athanor.core.schema.Column;
import org.athanor.core.schema.Index;
import org.athanor.core.schema.Table;

/**
 * How one database family spells the ALTER statements a {@link MigrationScript} needs. CREATE TABLE,
 * CREATE INDEX, column definitions and ADD FOREIGN KEY come from the dialect's own {@link DdlCompiler};
 * only what core's DDL compiler has no method for (dropping and altering) is spelled here.
 */
abstract class AlterDdl {
    final Dialect dialect;
    final DdlCompiler ddl;

    AlterDdl(Dialect dialect) {
        this.dialect = dialect;
        this.ddl = dialect.ddl();
    }

    /**
     * The strategy for a dialect. Core's DdlCompiler has no ALTER COLUMN/DROP CONSTRAINT vocabulary,
     * so the choice is made here: a database that cannot ALTER constraints (SQLite) rebuilds tables
     * (Alembic's batch mode); MySQL and MariaDB use MODIFY COLUMN and DROP FOREIGN KEY; everything
     * else the SQL standard's ALTER COLUMN and DROP CONSTRAINT (PostgreSQL's spelling).
     */
    static AlterDdl forDialect(Dialect dialect) {
        if (!dialect.features().supportsAlterAddForeignKey()) return new SqliteBatchDdl(dialect);
        String name = dialect.name().toLowerCase(Locale.ROOT);
        if (name.contains("mysql") || name.contains("mariadb")) return new MysqlAlterDdl(dialect);
        return new StandardAlterDdl(dialect);
    }

    String q(String identifier) { return dialect.quoteIdentifier(identifier); }
    String table(String name) { return q(name); }
    String table(Table t) { return t.schema() == null ? q(t.name()) : q(t.schema()) + "." + q(t.name()); }

    String columns(List<String> names) {
        List<String> quoted = new ArrayList<>();
        for (String n : names) quoted.add(q(n));
        return String.join(", ", quoted);
    }

    /** Whether the script must run outside a transaction (SQLite's PRAGMA foreign_keys). */
    boolean requiresNoTransaction(List<SchemaChange> changes) { return false; }

    /** The statements for all changes, in an order the database accepts. */
    List<String> statements(List<SchemaChange> changes, org.athanor.core.schema.MetaData metadata) {
        List<String> out = new ArrayList<>();
        // 1. drop what stands in the way: foreign keys first (columns and indexes they use go later)
        for (SchemaChange c : changes) {
            if (c instanceof SchemaChange.ForeignKeyRemoved r) out.add(dropForeignKey(r.tableName(), requireName(r.database().name(), r)));
            if (c instanceof SchemaChange.ForeignKeyChanged r) out.add(dropForeignKey(r.tableName(), requireName(r.database().name(), r)));
        }
        for (SchemaChange c : changes) {
            if (c instanceof SchemaChange.IndexRemoved r) out.add(dropIndex(r.tableName(), r.database().name()));
            if (c instanceof SchemaChange.UniqueRemoved r)
                out.add(r.constraint() ? dropUniqueConstraint(r.tableName(), requireName(r.name(), r)) : dropIndex(r.tableName(), r.name()));
        }
        for (SchemaChange c : changes)
            if (c instanceof SchemaChange.PrimaryKeyChanged p && !p.database().columns().isEmpty()) out.add(dropPrimaryKey(p));
        // 2. new tables, parents first, with their indexes
        List<Table> added = new ArrayList<>();
        for (SchemaChange c : changes) if (c instanceof SchemaChange.TableAdded a) added.add(a.table());
        for (Table t : org.athanor.core.schema.MetaData.sort(added)) {
            out.addAll(ddl.createTable(t, false, java.util.Set.of()));
            for (Index ix : t.indexes()) out.add(ddl.createIndex(ix, false));
        }
        // 3. columns
        for (SchemaChange c : changes)
            if (c instanceof SchemaChange.ColumnAdded a) out.add("ALTER TABLE " + table(a.column().table()) + " ADD COLUMN " + ddl.columnDefinition(a.column()));
        for (SchemaChange c : changes) if (c instanceof SchemaChange.ColumnChanged ch) out.addAll(alterColumn(ch));
        for (SchemaChange c : changes)
            if (c instanceof SchemaChange.PrimaryKeyChanged p && !p.table().primaryKeyColumns().isEmpty())
                out.add("ALTER TABLE " + table(p.table()) + " ADD PRIMARY KEY (" + columns(SchemaDiff.names(p.table().primaryKeyColumns())) + ")");
        for (SchemaChange c : changes)
            if (c instanceof SchemaChange.ColumnRemoved r) out.add("ALTER TABLE " + table(r.tableName()) + " DROP COLUMN " + q(r.column().name()));
        // 4. tables the model no longer has
        for (SchemaChange c : changes) if (c instanceof SchemaChange.TableRemoved r) out.add("DROP TABLE " + table(r.tableName()));
        // 5. new constraints and indexes, once every column is there
        for (SchemaChange c : changes) {
            if (c instanceof SchemaChange.UniqueAdded u) out.add(addUnique(u));
            if (c instanceof SchemaChange.IndexAdded a) out.add(ddl.createIndex(a.index(), false));
        }
        for (SchemaChange c : changes) {
            if (c instanceof SchemaChange.ForeignKeyAdded a) out.add(ddl.addForeignKey(a.foreignKey()));
            if (c instanceof SchemaChange.ForeignKeyChanged ch) out.add(ddl.addForeignKey(ch.foreignKey()));
        }
        return out;
    }

    static String requireName(String name, SchemaChange c) {
        if (name == null || name.isEmpty())
            throw new IllegalStateException("cannot drop an unnamed constraint: " + c.describe());
        return name;
    }

    String addUnique(SchemaChange.UniqueAdded u) {
        if (u.asIndex()) return ddl.createIndex(new Index(u.name() != null ? u.name() : uniqueName(u), u.table(), u.columns(), true), false);
        return "ALTER TABLE " + table(u.table()) + " ADD " + (u.name() != null ? "CONSTRAINT " + q(u.name()) + " " : "")
                + "UNIQUE (" + columns(SchemaDiff.names(u.columns())) + ")";
    }

    static String uniqueName(SchemaChange.UniqueAdded u) {
        StringBuilder b = new StringBuilder("uq_").append(u.table().name());
        for (Column<?> c : u.columns()) b.append('_').append(c.name());
        return b.toString();
    }

    abstract String dropForeignKey(String table, String name);
    abstract String dropIndex(String table, String name);
    abstract String dropUniqueConstraint(String table, String name);
    abstract String dropPrimaryKey(SchemaChange.PrimaryKeyChanged change);
    abstract List<String> alterColumn(SchemaChange.ColumnChanged change);
}
