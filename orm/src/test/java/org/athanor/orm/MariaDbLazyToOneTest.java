package org.athanor.orm;

class MariaDbLazyToOneTest extends LazyToOneTestBase {
    @Override protected TestDb openDatabase() { return TestDb.mariadb(); }
}
