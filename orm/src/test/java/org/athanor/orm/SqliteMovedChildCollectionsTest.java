package org.athanor.orm;

class SqliteMovedChildCollectionsTest extends MovedChildCollectionsTestBase {
    @Override protected TestDb openDatabase() { return TestDb.sqlite(); }
}
