/**
 * Spring Boot auto-configuration for Athanor: an Engine over the application's DataSource, a
 * SessionFactory of its {@code @Entity} classes, the Session of the current Spring transaction, and
 * Athanor's exceptions translated into Spring's DataAccessException hierarchy.
 */
module org.athanor.spring.boot {
    requires transitive org.athanor.orm;
    // optional: athanor.orm.validate-schema=true checks the mapped tables with it
    requires static org.athanor.migrations;
    // Spring's jars are automatic modules (named in their manifests); plain requires, not transitive
    requires spring.beans;
    requires spring.boot;
    requires spring.boot.autoconfigure;
    requires spring.context;
    requires spring.core;
    requires spring.jdbc;
    requires spring.tx;

    exports org.athanor.spring.boot;
    // Spring instantiates the (package-private) configuration classes and calls their @Bean methods
    // reflectively
    opens org.athanor.spring.boot to spring.beans, spring.context, spring.core;

    // the dialect of the DataSource's database is looked up among the DialectProvider services
    uses org.athanor.core.dialect.DialectProvider;
}
