package org.athanor.orm;

class MariaDbLeanSessionTest extends LeanSessionTestBase {
    @Override protected TestDb openDatabase() { return TestDb.mariadb(); }
}
