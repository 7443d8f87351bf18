package org.athanor.orm;

class SqliteNullKeyRowsTest extends NullKeyRowsTestBase {
    @Override protected TestDb openDatabase() { return TestDb.sqlite(); }
}
