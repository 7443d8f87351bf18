package org.athanor.orm;

class PostgresKeyBatchTypesTest extends KeyBatchTypesTestBase {
    @Override protected TestDb openDatabase() { return TestDb.postgres(); }
}
