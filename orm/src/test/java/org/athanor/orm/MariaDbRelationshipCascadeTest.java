package org.athanor.orm;

class MariaDbRelationshipCascadeTest extends RelationshipCascadeTestBase {
    @Override protected TestDb openDatabase() { return TestDb.mariadb(); }
}
