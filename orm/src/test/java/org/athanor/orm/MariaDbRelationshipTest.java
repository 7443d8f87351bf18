package org.athanor.orm;

class MariaDbRelationshipTest extends RelationshipOptionsTestBase {
    @Override protected TestDb openDatabase() { return TestDb.mariadb(); }
}
