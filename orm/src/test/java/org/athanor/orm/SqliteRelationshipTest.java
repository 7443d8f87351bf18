package org.athanor.orm;

class SqliteRelationshipTest extends RelationshipCollectionsTestBase {
    @Override protected TestDb openDatabase() { return TestDb.sqlite(); }
}
