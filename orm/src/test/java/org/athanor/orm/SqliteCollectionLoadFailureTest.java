package org.athanor.orm;

class SqliteCollectionLoadFailureTest extends CollectionLoadFailureTestBase {
    @Override protected TestDb openDatabase() { return TestDb.sqlite(); }
}
