package org.athanor.orm;

class SqliteLoadedRowsTest extends LoadedRowsTestBase {
    @Override protected TestDb openDatabase() { return TestDb.sqlite(); }
}
