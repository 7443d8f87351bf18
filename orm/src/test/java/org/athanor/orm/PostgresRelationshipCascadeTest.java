package org.athanor.orm;

class PostgresRelationshipCascadeTest extends RelationshipCascadeTestBase {
    @Override protected TestDb openDatabase() { return TestDb.postgres(); }
}
