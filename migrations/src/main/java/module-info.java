/**
 * Schema migrations: the difference between mapped tables and a live database as ALTER scripts,
 * and the validation of a database against its tables.
 */
module org.athanor.migrations {
    requires transitive org.athanor.core;

    exports org.athanor.migrations;
}
