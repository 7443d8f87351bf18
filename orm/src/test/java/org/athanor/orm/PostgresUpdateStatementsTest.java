package org.athanor.orm;

class PostgresUpdateStatementsTest extends UpdateStatementsTestBase {
    @Override protected TestDb openDatabase() { return TestDb.postgres(); }
}
