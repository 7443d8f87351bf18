package org.athanor.orm;

class SqliteQueryTest extends QueryTestBase {
    @Override protected TestDb openDatabase() { return TestDb.sqlite(); }
}
