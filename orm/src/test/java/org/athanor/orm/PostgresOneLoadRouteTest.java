package org.athanor.orm;

class PostgresOneLoadRouteTest extends OneLoadRouteTestBase {
    @Override protected TestDb openDatabase() { return TestDb.postgres(); }
}
