package org.athanor.orm;

class MariaDbRelationshipTest extends RelationshipCollectionsTestBase {
    @Override protected TestDb openDatabase() { return TestDb.mariadb(); }
}
