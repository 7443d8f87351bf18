package org.athanor.orm;

class SqliteRecordProjectionTest extends RecordProjectionTestBase {
    @Override protected TestDb openDatabase() { return TestDb.sqlite(); }
}
