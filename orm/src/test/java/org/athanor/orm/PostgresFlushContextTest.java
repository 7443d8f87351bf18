package org.athanor.orm;

class PostgresFlushContextTest extends FlushContextTestBase {
    @Override protected TestDb openDatabase() { return TestDb.postgres(); }
}
