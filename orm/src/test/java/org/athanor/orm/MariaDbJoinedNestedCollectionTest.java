package org.athanor.orm;

class MariaDbJoinedNestedCollectionTest extends JoinedNestedCollectionTestBase {
    @Override protected TestDb openDatabase() { return TestDb.mariadb(); }
}
