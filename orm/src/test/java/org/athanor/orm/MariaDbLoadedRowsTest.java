package org.athanor.orm;

class MariaDbLoadedRowsTest extends LoadedRowsTestBase {
    @Override protected TestDb openDatabase() { return TestDb.mariadb(); }
}
