package org.athanor.orm;

class SqliteJoinedDerivedKeyElementTest extends JoinedDerivedKeyElementTestBase {
    @Override protected TestDb openDatabase() { return TestDb.sqlite(); }
}
