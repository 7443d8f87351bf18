package org.athanor.orm;

class SqliteJoinedElementsWithoutStatesTest extends JoinedElementsWithoutStatesTestBase {
    @Override protected TestDb openDatabase() { return TestDb.sqlite(); }
}
