package org.athanor.orm.mapping;

import java.util.Set;
import org.athanor.core.schema.Table;
import org.athanor.sqlite.SqliteDialect;

/** The SQLite CREATE TABLE of a mapped table, as the DDL tests compare it. */
final class DdlPrinter {
    private DdlPrinter() {}

    static String sqlite(Table t) {
        return String.join(";\n", SqliteDialect.INSTANCE.ddl().createTable(t, false, Set.of()));
    }

    static String sqlite(Class<?> entity) { return sqlite(ClassMapping.of(entity).table()); }
}
