package org.athanor.orm;

class SqliteReattachedKeyBatchTest extends ReattachedKeyBatchTestBase {
    @Override protected TestDb openDatabase() { return TestDb.sqlite(); }
}
