package org.athanor.orm;

class MariaDbManyToManyTest extends ManyToManyTestBase {
    @Override protected TestDb openDatabase() { return TestDb.mariadb(); }
}
