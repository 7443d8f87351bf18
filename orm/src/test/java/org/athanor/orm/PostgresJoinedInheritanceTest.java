package org.athanor.orm;

class PostgresJoinedInheritanceTest extends JoinedInheritanceTestBase {
    @Override protected TestDb openDatabase() { return TestDb.postgres(); }
}
