package org.athanor.orm;

class PostgresJoinedNestedCollectionTest extends JoinedNestedCollectionTestBase {
    @Override protected TestDb openDatabase() { return TestDb.postgres(); }
}
