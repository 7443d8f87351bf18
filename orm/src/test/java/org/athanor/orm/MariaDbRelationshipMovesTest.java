package org.athanor.orm;

class MariaDbRelationshipMovesTest extends RelationshipMovesTestBase {
    @Override protected TestDb openDatabase() { return TestDb.mariadb(); }
}
