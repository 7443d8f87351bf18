package org.athanor.orm;

class MariaDbJoinColumnOneToManyTest extends JoinColumnOneToManyTestBase {
    @Override protected TestDb openDatabase() { return TestDb.mariadb(); }
}
