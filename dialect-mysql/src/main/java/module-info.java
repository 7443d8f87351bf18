/**
 * The MySQL 8 / MariaDB 10.5+ dialect: {@code mysql://} and {@code mariadb://} URLs resolve to
 * {@link org.athanor.mysql.MysqlDialect} through the {@link org.athanor.core.dialect.DialectProvider}
 * service. The dialect reads Connector/J's session state and recognises its communications
 * exception, so it requires the driver. Connector/J ships neither a module descriptor nor an
 * Automatic-Module-Name: its module name {@code mysql.connector.j} is derived from the jar's file
 * name ({@code mysql-connector-j-<version>.jar}, as Maven and Gradle store it).
 */
module org.athanor.mysql {
    requires transitive org.athanor.core;
    requires mysql.connector.j;

    exports org.athanor.mysql;

    provides org.athanor.core.dialect.DialectProvider with org.athanor.mysql.MysqlDialectProvider;
}
