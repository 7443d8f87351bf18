package org.athanor.orm;

class SqliteSelfRelationshipAnyTest extends SelfRelationshipAnyTestBase {
    @Override protected TestDb openDatabase() { return TestDb.sqlite(); }
}
