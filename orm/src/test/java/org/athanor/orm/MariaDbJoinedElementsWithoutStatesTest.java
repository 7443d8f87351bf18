package org.athanor.orm;

class MariaDbJoinedElementsWithoutStatesTest extends JoinedElementsWithoutStatesTestBase {
    @Override protected TestDb openDatabase() { return TestDb.mariadb(); }
}
