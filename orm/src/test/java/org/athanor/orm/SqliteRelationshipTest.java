package org.athanor.orm;

class SqliteRelationshipTest extends RelationshipOptionsTestBase {
    @Override protected TestDb openDatabase() { return TestDb.sqlite(); }
}
