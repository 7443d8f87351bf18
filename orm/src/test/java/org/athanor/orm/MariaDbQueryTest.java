package org.athanor.orm;

class MariaDbQueryTest extends QueryTestBase {
    @Override TestDb openDatabase() { return TestDb.mariadb(); }
}
