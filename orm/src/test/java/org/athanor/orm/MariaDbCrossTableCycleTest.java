package org.athanor.orm;

class MariaDbCrossTableCycleTest extends CrossTableCycleTestBase {
    @Override protected TestDb openDatabase() { return TestDb.mariadb(); }
}
