package org.athanor.orm;

class SqliteRelationshipCascadeTest extends RelationshipCascadeTestBase {
    @Override protected TestDb openDatabase() { return TestDb.sqlite(); }
}
