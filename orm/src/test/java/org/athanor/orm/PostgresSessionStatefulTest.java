package org.athanor.orm;

class PostgresSessionStatefulTest extends SessionStatefulPropertiesBase {
    @Override protected TestDb openDatabase() { return TestDb.postgres(); }
}
