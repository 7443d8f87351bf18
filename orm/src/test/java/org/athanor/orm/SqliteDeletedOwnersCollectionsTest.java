package org.athanor.orm;

class SqliteDeletedOwnersCollectionsTest extends DeletedOwnersCollectionsTestBase {
    @Override protected TestDb openDatabase() { return TestDb.sqlite(); }
}
