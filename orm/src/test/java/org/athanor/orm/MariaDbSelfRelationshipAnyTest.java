package org.athanor.orm;

class MariaDbSelfRelationshipAnyTest extends SelfRelationshipAnyTestBase {
    @Override protected TestDb openDatabase() { return TestDb.mariadb(); }
}
