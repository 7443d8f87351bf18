package org.athanor.orm;

class PostgresRelationListIteratorTest extends RelationListIteratorTestBase {
    @Override protected TestDb openDatabase() { return TestDb.postgres(); }
}
