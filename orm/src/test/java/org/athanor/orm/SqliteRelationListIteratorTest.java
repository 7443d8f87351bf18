package org.athanor.orm;

class SqliteRelationListIteratorTest extends RelationListIteratorTestBase {
    @Override protected TestDb openDatabase() { return TestDb.sqlite(); }
}
