package org.athanor.orm;

class MariaDbOrmEventsTest extends OrmEventsTestBase {
    @Override protected TestDb openDatabase() { return TestDb.mariadb(); }
}
