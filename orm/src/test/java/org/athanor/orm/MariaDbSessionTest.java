package org.athanor.orm;

class MariaDbSessionTest extends SessionTestBase {
    @Override TestDb openDatabase() { return TestDb.mariadb(); }
}
