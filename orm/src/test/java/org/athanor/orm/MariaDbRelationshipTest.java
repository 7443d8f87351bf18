package org.athanor.orm;

class MariaDbRelationshipTest extends RelationshipTestBase {
    @Override protected TestDb openDatabase() { return TestDb.mariadb(); }
}
