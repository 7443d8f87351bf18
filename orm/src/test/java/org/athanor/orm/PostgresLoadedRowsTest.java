package org.athanor.orm;

class PostgresLoadedRowsTest extends LoadedRowsTestBase {
    @Override protected TestDb openDatabase() { return TestDb.postgres(); }
}
