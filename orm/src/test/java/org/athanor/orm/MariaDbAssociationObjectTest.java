package org.athanor.orm;

class MariaDbAssociationObjectTest extends AssociationObjectTestBase {
    @Override protected TestDb openDatabase() { return TestDb.mariadb(); }
}
