package org.athanor.orm;

class MariaDbUnidirectionalOneToManyTest extends UnidirectionalOneToManyTestBase {
    @Override protected TestDb openDatabase() { return TestDb.mariadb(); }
}
