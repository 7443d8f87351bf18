/**
 * The SQLite dialect: {@code sqlite://} URLs resolve to {@link org.athanor.sqlite.SqliteDialect} through
 * the {@link org.athanor.core.dialect.DialectProvider} service. sqlite-jdbc is required (not only
 * loaded as a JDBC driver) because the dialect registers SQL functions and a progress handler on
 * its connections.
 */
module org.athanor.sqlite {
    requires transitive org.athanor.core;
    requires org.xerial.sqlitejdbc;

    exports org.athanor.sqlite;

    provides org.athanor.core.dialect.DialectProvider with org.athanor.sqlite.SqliteDialectProvider;
}
