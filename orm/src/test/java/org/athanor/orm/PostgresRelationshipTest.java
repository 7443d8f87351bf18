package org.athanor.orm;

class PostgresRelationshipTest extends RelationshipOptionsTestBase {
    @Override protected TestDb openDatabase() { return TestDb.postgres(); }
}
