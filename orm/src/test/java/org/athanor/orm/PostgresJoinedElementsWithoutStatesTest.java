package org.athanor.orm;

class PostgresJoinedElementsWithoutStatesTest extends JoinedElementsWithoutStatesTestBase {
    @Override protected TestDb openDatabase() { return TestDb.postgres(); }
}
