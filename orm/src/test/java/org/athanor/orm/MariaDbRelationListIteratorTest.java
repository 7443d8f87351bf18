package org.athanor.orm;

class MariaDbRelationListIteratorTest extends RelationListIteratorTestBase {
    @Override protected TestDb openDatabase() { return TestDb.mariadb(); }
}
