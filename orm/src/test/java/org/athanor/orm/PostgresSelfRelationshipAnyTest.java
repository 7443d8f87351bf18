package org.athanor.orm;

class PostgresSelfRelationshipAnyTest extends SelfRelationshipAnyTestBase {
    @Override protected TestDb openDatabase() { return TestDb.postgres(); }
}
