package org.athanor.orm;

class PostgresRecordProjectionTest extends RecordProjectionTestBase {
    @Override protected TestDb openDatabase() { return TestDb.postgres(); }
}
