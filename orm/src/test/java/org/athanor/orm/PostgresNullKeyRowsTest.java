package org.athanor.orm;

class PostgresNullKeyRowsTest extends NullKeyRowsTestBase {
    @Override protected TestDb openDatabase() { return TestDb.postgres(); }
}
