package org.athanor.orm;

class PostgresRelationshipTest extends RelationshipTestBase {
    @Override protected TestDb openDatabase() { return TestDb.postgres(); }
}
