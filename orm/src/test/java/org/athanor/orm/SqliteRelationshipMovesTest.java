package org.athanor.orm;

class SqliteRelationshipMovesTest extends RelationshipMovesTestBase {
    @Override protected TestDb openDatabase() { return TestDb.sqlite(); }
}
