package org.athanor.orm;

class PostgresFlushShapesTest extends FlushShapesTestBase {
    @Override protected TestDb openDatabase() { return TestDb.postgres(); }
}
