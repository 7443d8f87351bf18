package org.athanor.orm;

class MariaDbJoinedInheritanceInnerJoinTest extends JoinedInheritanceInnerJoinTestBase {
    @Override protected TestDb openDatabase() { return TestDb.mariadb(); }
}
