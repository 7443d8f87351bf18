package org.athanor.orm;

class SqliteSelfReferentialRelationshipTest extends SelfReferentialRelationshipTestBase {
    @Override protected TestDb openDatabase() { return TestDb.sqlite(); }
}
