package org.athanor.orm;

class SqliteSessionTest extends SessionTestBase {
    @Override TestDb openDatabase() { return TestDb.sqlite(); }
}
