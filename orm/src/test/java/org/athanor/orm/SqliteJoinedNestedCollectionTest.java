package org.athanor.orm;

class SqliteJoinedNestedCollectionTest extends JoinedNestedCollectionTestBase {
    @Override protected TestDb openDatabase() { return TestDb.sqlite(); }
}
