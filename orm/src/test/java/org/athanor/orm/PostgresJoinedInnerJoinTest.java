package org.athanor.orm;

class PostgresJoinedInnerJoinTest extends JoinedInnerJoinTestBase {
    @Override protected TestDb openDatabase() { return TestDb.postgres(); }
}
