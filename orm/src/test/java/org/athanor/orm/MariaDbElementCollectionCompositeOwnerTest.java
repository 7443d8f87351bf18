package org.athanor.orm;

class MariaDbElementCollectionCompositeOwnerTest extends ElementCollectionCompositeOwnerTestBase {
    @Override protected TestDb openDatabase() { return TestDb.mariadb(); }
}
