package org.athanor.orm;

class PostgresKeyBatchBoundaryTest extends KeyBatchBoundaryTestBase {
    @Override protected TestDb openDatabase() { return TestDb.postgres(); }
}
