package org.athanor.orm;

class SqliteFlushContextTest extends FlushContextTestBase {
    @Override protected TestDb openDatabase() { return TestDb.sqlite(); }
}
