package org.athanor.orm;

class MariaDbReadThenWriteTest extends ReadThenWriteTestBase {
    @Override protected TestDb openDatabase() { return TestDb.mariadb(); }
}
