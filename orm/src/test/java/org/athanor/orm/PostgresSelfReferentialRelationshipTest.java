package org.athanor.orm;

class PostgresSelfReferentialRelationshipTest extends SelfReferentialRelationshipTestBase {
    @Override protected TestDb openDatabase() { return TestDb.postgres(); }
}
