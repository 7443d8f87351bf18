package org.athanor.orm;

class PostgresQueryTest extends QueryTestBase {
    @Override TestDb openDatabase() { return TestDb.postgres(); }
}
