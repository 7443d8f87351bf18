package org.athanor.orm;

class PostgresRelationshipMovesTest extends RelationshipMovesTestBase {
    @Override protected TestDb openDatabase() { return TestDb.postgres(); }
}
