package org.athanor.orm;

class MariaDbJoinedStatementCacheTest extends JoinedStatementCacheTestBase {
    @Override protected TestDb openDatabase() { return TestDb.mariadb(); }
}
