package org.athanor.orm;

class PostgresLazyToOneTest extends LazyToOneTestBase {
    @Override protected TestDb openDatabase() { return TestDb.postgres(); }
}
