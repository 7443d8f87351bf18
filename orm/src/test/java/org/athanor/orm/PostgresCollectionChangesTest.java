package org.athanor.orm;

class PostgresCollectionChangesTest extends CollectionChangesTestBase {
    @Override protected TestDb openDatabase() { return TestDb.postgres(); }
}
