package org.athanor.orm;

class SqliteJoinedInheritanceTest extends JoinedInheritanceTestBase {
    @Override protected TestDb openDatabase() { return TestDb.sqlite(); }
}
