package org.athanor.orm;

class SqliteJoinedStatementCacheTest extends JoinedStatementCacheTestBase {
    @Override protected TestDb openDatabase() { return TestDb.sqlite(); }
}
