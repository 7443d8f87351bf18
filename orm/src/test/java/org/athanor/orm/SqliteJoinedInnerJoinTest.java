package org.athanor.orm;

class SqliteJoinedInnerJoinTest extends JoinedInnerJoinTestBase {
    @Override protected TestDb openDatabase() { return TestDb.sqlite(); }
}
