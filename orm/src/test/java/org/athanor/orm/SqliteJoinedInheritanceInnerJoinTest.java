package org.athanor.orm;

class SqliteJoinedInheritanceInnerJoinTest extends JoinedInheritanceInnerJoinTestBase {
    @Override protected TestDb openDatabase() { return TestDb.sqlite(); }
}
