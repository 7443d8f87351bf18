package org.athanor.orm;

class MariaDbQueryTest extends QueryTestBase {
    @Override protected TestDb openDatabase() { return TestDb.mariadb(); }
}
