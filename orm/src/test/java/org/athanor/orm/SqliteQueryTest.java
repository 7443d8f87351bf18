package org.athanor.orm;

class SqliteQueryTest extends QueryTestBase {
    @Override TestDb openDatabase() { return TestDb.sqlite(); }
}
