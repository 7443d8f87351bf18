package org.athanor.orm;

class PostgresJoinedDerivedKeyElementTest extends JoinedDerivedKeyElementTestBase {
    @Override protected TestDb openDatabase() { return TestDb.postgres(); }
}
