package org.athanor.orm;

class PostgresQueryTest extends QueryTestBase {
    @Override protected TestDb openDatabase() { return TestDb.postgres(); }
}
