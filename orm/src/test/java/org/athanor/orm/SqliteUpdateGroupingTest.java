package org.athanor.orm;

class SqliteUpdateGroupingTest extends UpdateGroupingTestBase {
    @Override protected TestDb openDatabase() { return TestDb.sqlite(); }
}
