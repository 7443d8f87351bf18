package org.athanor.orm;

class SqliteUpdateStatementsTest extends UpdateStatementsTestBase {
    @Override protected TestDb openDatabase() { return TestDb.sqlite(); }
}
