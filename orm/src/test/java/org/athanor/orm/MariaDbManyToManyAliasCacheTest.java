package org.athanor.orm;

class MariaDbManyToManyAliasCacheTest extends ManyToManyAliasCacheTestBase {
    @Override protected TestDb openDatabase() { return TestDb.mariadb(); }
}
