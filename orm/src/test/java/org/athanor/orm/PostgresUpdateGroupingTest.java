package org.athanor.orm;

class PostgresUpdateGroupingTest extends UpdateGroupingTestBase {
    @Override protected TestDb openDatabase() { return TestDb.postgres(); }
}
