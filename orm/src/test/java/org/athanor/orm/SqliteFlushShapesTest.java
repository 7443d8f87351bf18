package org.athanor.orm;

class SqliteFlushShapesTest extends FlushShapesTestBase {
    @Override protected TestDb openDatabase() { return TestDb.sqlite(); }
}
