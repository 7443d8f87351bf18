/**
 * The PostgreSQL dialect: {@code postgresql://} URLs resolve to {@link org.athanor.postgres.PostgresDialect}
 * through the {@link org.athanor.core.dialect.DialectProvider} service. pgjdbc (module
 * {@code org.postgresql.jdbc}, named in its manifest) is required so that its {@code java.sql.Driver}
 * is resolved whenever this module is.
 */
module org.athanor.postgres {
    requires transitive org.athanor.core;
    requires org.postgresql.jdbc;

    exports org.athanor.postgres;

    provides org.athanor.core.dialect.DialectProvider with org.athanor.postgres.PostgresDialectProvider;
}
