package org.athanor.orm;

class MariaDbJoinedInheritanceTest extends JoinedInheritanceTestBase {
    @Override protected TestDb openDatabase() { return TestDb.mariadb(); }
}
