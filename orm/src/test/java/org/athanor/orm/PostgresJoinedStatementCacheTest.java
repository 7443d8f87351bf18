package org.athanor.orm;

class PostgresJoinedStatementCacheTest extends JoinedStatementCacheTestBase {
    @Override protected TestDb openDatabase() { return TestDb.postgres(); }
}
