package org.athanor.migrations;

import java.util.ArrayList;
import java.util.List;
import org.athanor.core.dialect.Dialect;
import org.athanor.core.schema.Column;

/** The SQL standard's ALTER spelling, as PostgreSQL takes it: ALTER COLUMN … TYPE / SET NOT NULL, DROP CONSTRAINT. */
final class StandardAlterDdl extends AlterDdl {
    StandardAlterDdl(Dialect dialect) { super(dialect); }

    @Override String dropForeignKey(String table, String name) { return "ALTER TABLE " + table(table) + " DROP CONSTRAINT " + q(name); }
    @Override String dropIndex(String table, String name) { return "DROP INDEX " + q(name); }
    @Override String dropUniqueConstraint(String table, String name) { return "ALTER TABLE " + table(table) + " DROP CONSTRAINT " + q(name); }

    @Override
    String dropPrimaryKey(SchemaChange.PrimaryKeyChanged change) {
        return "ALTER TABLE " + table(change.table()) + " DROP CONSTRAINT " + q(requireName(change.database().name(), change));
    }

    @Override
    List<String> alterColumn(SchemaChange.ColumnChanged ch) {
        Column<?> c = ch.column();
        String prefix = "ALTER TABLE " + table(c.table()) + " ALTER COLUMN " + q(c.name()) + " ";
        List<String> out = new ArrayList<>();
        if (ch.aspects().contains(SchemaChange.Aspect.TYPE)) {
            String type = dialect.typeName(c.type());
            // USING converts existing values where no implicit cast exists (text -> integer)
            out.add(prefix + "TYPE " + type + " USING " + q(c.name()) + "::" + type);
        }
        if (ch.aspects().contains(SchemaChange.Aspect.DEFAULT))
            out.add(prefix + (c.serverDefault() == null ? "DROP DEFAULT" : "SET DEFAULT " + c.serverDefault()));
        if (ch.aspects().contains(SchemaChange.Aspect.NULLABLE))
            out.add(prefix + (c.isNullable() ? "DROP NOT NULL" : "SET NOT NULL"));
        return out;
    }
}
