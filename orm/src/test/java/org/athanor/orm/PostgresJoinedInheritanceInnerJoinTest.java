package org.athanor.orm;

class PostgresJoinedInheritanceInnerJoinTest extends JoinedInheritanceInnerJoinTestBase {
    @Override protected TestDb openDatabase() { return TestDb.postgres(); }
}
