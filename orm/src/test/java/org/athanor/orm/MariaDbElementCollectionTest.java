package org.athanor.orm;

class MariaDbElementCollectionTest extends ElementCollectionTestBase {
    @Override protected TestDb openDatabase() { return TestDb.mariadb(); }
}
