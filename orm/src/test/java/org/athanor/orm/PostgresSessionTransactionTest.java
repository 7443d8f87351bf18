package org.athanor.orm;

class PostgresSessionTransactionTest extends SessionTransactionTestBase {
    @Override protected TestDb openDatabase() { return TestDb.postgres(); }
}
