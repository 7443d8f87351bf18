package org.athanor.orm;

class MariaDbBoundRowsWithoutStatesTest extends BoundRowsWithoutStatesTestBase {
    @Override protected TestDb openDatabase() { return TestDb.mariadb(); }
}
