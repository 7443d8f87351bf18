package org.athanor.orm;

class PostgresRelationshipTest extends RelationshipCollectionsTestBase {
    @Override protected TestDb openDatabase() { return TestDb.postgres(); }
}
