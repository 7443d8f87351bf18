package org.athanor.orm;

class MariaDbUpdateGroupingTest extends UpdateGroupingTestBase {
    @Override protected TestDb openDatabase() { return TestDb.mariadb(); }
}
