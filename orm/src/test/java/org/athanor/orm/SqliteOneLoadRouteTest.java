package org.athanor.orm;

class SqliteOneLoadRouteTest extends OneLoadRouteTestBase {
    @Override protected TestDb openDatabase() { return TestDb.sqlite(); }
}
