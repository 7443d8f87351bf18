package org.athanor.orm;

class MariaDbManyToManyCompositeKeyTest extends ManyToManyCompositeKeyTestBase {
    @Override protected TestDb openDatabase() { return TestDb.mariadb(); }
}
