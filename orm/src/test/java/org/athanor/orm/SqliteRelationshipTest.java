package org.athanor.orm;

class SqliteRelationshipTest extends RelationshipTestBase {
    @Override protected TestDb openDatabase() { return TestDb.sqlite(); }
}
