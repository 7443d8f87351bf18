package org.athanor.orm;

class PostgresJoinColumnOneToManyTest extends JoinColumnOneToManyTestBase {
    @Override protected TestDb openDatabase() { return TestDb.postgres(); }
}
