package org.athanor.orm;

class MariaDbJoinedInnerJoinTest extends JoinedInnerJoinTestBase {
    @Override protected TestDb openDatabase() { return TestDb.mariadb(); }
}
