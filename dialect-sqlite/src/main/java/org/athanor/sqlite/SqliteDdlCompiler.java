package org.athanor.sqlite;

import java.util.List;
import org.athanor.core.dialect.DdlCompiler;
import org.athanor.core.schema.Column;
import org.athanor.core.schema.Table;

/** SQLite DDL: an autoincrement key is {@code INTEGER PRIMARY KEY AUTOINCREMENT}, the rowid alias. */
final class SqliteDdlCompiler extends DdlCompiler {
    SqliteDdlCompiler(SqliteDialect dialect) { super(dialect); }

    private static Column<?> rowidKey(Table t) {
        List<Column<?>> pk = t.primaryKeyColumns();
        return pk.size() == 1 && pk.get(0).isAutoincrement() ? pk.get(0) : null;
    }

    @Override protected boolean inlinePrimaryKey(Table t) { return rowidKey(t) != null; }

    @Override
    protected String columnType(Column<?> c) {
        if (rowidKey(c.table()) == c) return "INTEGER PRIMARY KEY AUTOINCREMENT";
        return super.columnType(c);
    }
}
