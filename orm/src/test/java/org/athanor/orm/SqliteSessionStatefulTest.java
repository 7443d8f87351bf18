package org.athanor.orm;

class SqliteSessionStatefulTest extends SessionStatefulPropertiesBase {
    @Override protected TestDb openDatabase() { return TestDb.sqlite(); }
}
