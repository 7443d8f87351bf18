package org.athanor.migrations;

import java.util.List;
import org.athanor.core.dialect.Dialect;

/** MySQL and MariaDB: MODIFY COLUMN restates the whole column; keys go by DROP FOREIGN KEY / DROP INDEX / DROP PRIMARY KEY. */
final class MysqlAlterDdl extends AlterDdl {
    MysqlAlterDdl(Dialect dialect) { super(dialect); }

    @Override String dropForeignKey(String table, String name) { return "ALTER TABLE " + table(table) + " DROP FOREIGN KEY " + q(name); }
    @Override String dropIndex(String table, String name) { return "DROP INDEX " + q(name) + " ON " + table(table); }
    /** A UNIQUE constraint is a unique index here. */
    @Override String dropUniqueConstraint(String table, String name) { return dropIndex(table, name); }
    @Override String dropPrimaryKey(SchemaChange.PrimaryKeyChanged change) { return "ALTER TABLE " + table(change.table()) + " DROP PRIMARY KEY"; }

    @Override
    List<String> alterColumn(SchemaChange.ColumnChanged ch) {
        return List.of("ALTER TABLE " + table(ch.column().table()) + " MODIFY COLUMN " + ddl.columnDefinition(ch.column()));
    }
}
