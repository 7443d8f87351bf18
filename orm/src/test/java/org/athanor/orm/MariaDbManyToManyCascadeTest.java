package org.athanor.orm;

class MariaDbManyToManyCascadeTest extends ManyToManyCascadeTestBase {
    @Override protected TestDb openDatabase() { return TestDb.mariadb(); }
}
