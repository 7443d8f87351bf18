package org.athanor.orm;

class MariaDbUpdateStatementsTest extends UpdateStatementsTestBase {
    @Override protected TestDb openDatabase() { return TestDb.mariadb(); }
}
