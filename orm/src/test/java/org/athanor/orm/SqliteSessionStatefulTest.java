package org.athanor.orm;

class SqliteSessionStatefulTest extends SessionStatefulPropertiesBase {
    @Override TestDb openDatabase() { return TestDb.sqlite(); }
}
