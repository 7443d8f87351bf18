package org.athanor.orm;

class PostgresSessionStatefulTest extends SessionStatefulPropertiesBase {
    @Override TestDb openDatabase() { return TestDb.postgres(); }
}
