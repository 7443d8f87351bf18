package org.athanor.orm;

class PostgresUnsettledRowsFlushTest extends UnsettledRowsFlushTestBase {
    @Override protected TestDb openDatabase() { return TestDb.postgres(); }
}
