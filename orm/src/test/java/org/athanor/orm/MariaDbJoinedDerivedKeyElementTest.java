package org.athanor.orm;

class MariaDbJoinedDerivedKeyElementTest extends JoinedDerivedKeyElementTestBase {
    @Override protected TestDb openDatabase() { return TestDb.mariadb(); }
}
