package org.athanor.orm;

class SqliteUnsettledRowsFlushTest extends UnsettledRowsFlushTestBase {
    @Override protected TestDb openDatabase() { return TestDb.sqlite(); }
}
