package org.athanor.migrations;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.athanor.core.dialect.Dialect;
import org.athanor.core.schema.Column;
import org.athanor.core.schema.Index;
import org.athanor.core.schema.MetaData;
import org.athanor.core.schema.Table;

/**
 * SQLite's ALTER TABLE can add a column, rename, and little else: every other change rebuilds the
 * table as SQLite's documentation prescribes (and Alembic's batch mode does): create the new table
 * under a temporary name, copy the rows of the columns both have, drop the old table, rename the new
 * one, create its indexes. Foreign keys are switched off around the rebuild, or dropping a parent
 * would cascade into (or fail on) its children's rows; PRAGMA foreign_keys is a no-op inside a
 * transaction, so such a script must run outside one (Flyway: the {@code .sql.conf} beside it).
 */
final class SqliteBatchDdl extends AlterDdl {
    static final String TEMP_PREFIX = "_athanor_new_";

    SqliteBatchDdl(Dialect dialect) { super(dialect); }

    @Override
    boolean requiresNoTransaction(List<SchemaChange> changes) {
        for (SchemaChange c : changes) if (needsRebuild(c)) return true;
        return false;
    }

    /** Whether {@code c} takes a rebuild of its table (no ALTER, CREATE or DROP INDEX can do it). */
    private static boolean needsRebuild(SchemaChange c) {
        if (c instanceof SchemaChange.TableAdded || c instanceof SchemaChange.TableRemoved || c instanceof SchemaChange.IndexAdded)
            return false;
        if (c instanceof SchemaChange.IndexRemoved r) return r.database().name().startsWith("sqlite_autoindex");
        if (c instanceof SchemaChange.UniqueAdded u) return !u.asIndex();
        if (c instanceof SchemaChange.UniqueRemoved r)
            return r.constraint() || r.name() == null || r.name().startsWith("sqlite_autoindex");
        if (c instanceof SchemaChange.ColumnAdded a) return !simpleAdd(a.column());
        return true; // column removed or changed, primary or foreign key changed
    }

    /** ADD COLUMN works for a nullable (or defaulted) column without key, uniqueness or reference. */
    private static boolean simpleAdd(Column<?> c) {
        if (c.isPrimaryKey() || c.isUnique()) return false;
        if (!c.isNullable() && c.serverDefault() == null) return false;
        for (var fk : c.table().foreignKeys()) if (fk.columns().contains(c)) return false;
        return true;
    }

    @Override
    List<String> statements(List<SchemaChange> changes, MetaData metadata) {
        Set<String> rebuild = new LinkedHashSet<>();
        for (SchemaChange c : changes) if (needsRebuild(c)) rebuild.add(c.tableName());
        List<String> out = new ArrayList<>();
        List<SchemaChange> rest = new ArrayList<>();
        for (SchemaChange c : changes) if (!rebuild.contains(c.tableName())) rest.add(c);
        if (!rebuild.isEmpty()) out.add("PRAGMA foreign_keys = OFF");
        for (String name : rebuild) out.addAll(rebuild(metadata.table(name), changes));
        out.addAll(simple(rest));
        if (!rebuild.isEmpty()) out.add("PRAGMA foreign_keys = ON");
        return out;
    }

    private List<String> simple(List<SchemaChange> changes) {
        List<String> out = new ArrayList<>();
        List<Table> added = new ArrayList<>();
        for (SchemaChange c : changes) {
            if (c instanceof SchemaChange.IndexRemoved r) out.add(dropIndex(r.tableName(), r.database().name()));
            if (c instanceof SchemaChange.UniqueRemoved r) out.add(dropIndex(r.tableName(), r.name()));
            if (c instanceof SchemaChange.TableAdded a) added.add(a.table());
        }
        for (Table t : MetaData.sort(added)) {
            out.addAll(ddl.createTable(t, false, Set.of()));
            for (Index ix : t.indexes()) out.add(ddl.createIndex(ix, false));
        }
        for (SchemaChange c : changes)
            if (c instanceof SchemaChange.ColumnAdded a) out.add("ALTER TABLE " + table(a.column().table()) + " ADD COLUMN " + ddl.columnDefinition(a.column()));
        for (SchemaChange c : changes) if (c instanceof SchemaChange.TableRemoved r) out.add("DROP TABLE " + table(r.tableName()));
        for (SchemaChange c : changes) {
            if (c instanceof SchemaChange.UniqueAdded u) out.add(addUnique(u));
            if (c instanceof SchemaChange.IndexAdded a) out.add(ddl.createIndex(a.index(), false));
        }
        return out;
    }

    /** CREATE the model's table under a temporary name, copy, DROP, RENAME, CREATE INDEX. */
    private List<String> rebuild(Table t, List<SchemaChange> changes) {
        Set<String> newColumns = new LinkedHashSet<>();
        for (SchemaChange c : changes)
            if (c instanceof SchemaChange.ColumnAdded a && a.column().table().name().equals(t.name())) newColumns.add(a.column().name());
        List<String> copied = new ArrayList<>();
        for (Column<?> c : t.columns()) if (!newColumns.contains(c.name())) copied.add(c.name());

        String temp = TEMP_PREFIX + t.name();
        List<String> create = ddl.createTable(t, false, Set.of());
        String head = "CREATE TABLE " + table(t) + " (";
        if (!create.get(0).startsWith(head))
            throw new IllegalStateException("unexpected CREATE TABLE spelling, cannot rebuild " + t.name() + ": " + create.get(0));
        List<String> out = new ArrayList<>();
        // the dialect's CREATE TABLE with the temporary name in place of the table's (the prefix is checked above)
        out.add("CREATE TABLE " + q(temp) + " (" + create.get(0).substring(head.length()));
        out.addAll(create.subList(1, create.size()));
        String cols = columns(copied);
        out.add("INSERT INTO " + q(temp) + " (" + cols + ") SELECT " + cols + " FROM " + table(t));
        out.add("DROP TABLE " + table(t));
        out.add("ALTER TABLE " + q(temp) + " RENAME TO " + table(t));
        for (Index ix : t.indexes()) out.add(ddl.createIndex(ix, false));
        return out;
    }

    @Override String dropForeignKey(String table, String name) { throw unsupported("DROP FOREIGN KEY"); }
    @Override String dropIndex(String table, String name) { return "DROP INDEX " + q(name); }
    @Override String dropUniqueConstraint(String table, String name) { throw unsupported("DROP CONSTRAINT"); }
    @Override String dropPrimaryKey(SchemaChange.PrimaryKeyChanged change) { throw unsupported("DROP PRIMARY KEY"); }
    @Override List<String> alterColumn(SchemaChange.ColumnChanged change) { throw unsupported("ALTER COLUMN"); }

    private static UnsupportedOperationException unsupported(String what) {
        return new UnsupportedOperationException("SQLite has no " + what + "; such changes rebuild the table");
    }
}
