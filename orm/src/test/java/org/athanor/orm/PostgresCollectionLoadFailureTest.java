package org.athanor.orm;

class PostgresCollectionLoadFailureTest extends CollectionLoadFailureTestBase {
    @Override protected TestDb openDatabase() { return TestDb.postgres(); }
}
