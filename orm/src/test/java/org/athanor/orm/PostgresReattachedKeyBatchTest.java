package org.athanor.orm;

class PostgresReattachedKeyBatchTest extends ReattachedKeyBatchTestBase {
    @Override protected TestDb openDatabase() { return TestDb.postgres(); }
}
