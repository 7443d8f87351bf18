package org.athanor.orm;

class MariaDbSelfReferentialRelationshipTest extends SelfReferentialRelationshipTestBase {
    @Override protected TestDb openDatabase() { return TestDb.mariadb(); }
}
