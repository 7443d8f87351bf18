package org.athanor.orm;

class MariaDbInverseOneToOneTest extends InverseOneToOneTestBase {
    @Override protected TestDb openDatabase() { return TestDb.mariadb(); }
}
