package org.athanor.orm;

class SqliteCollectionChangesTest extends CollectionChangesTestBase {
    @Override protected TestDb openDatabase() { return TestDb.sqlite(); }
}
