package org.athanor.orm;

class MariaDbNullKeyRowsTest extends NullKeyRowsTestBase {
    @Override protected TestDb openDatabase() { return TestDb.mariadb(); }
}
