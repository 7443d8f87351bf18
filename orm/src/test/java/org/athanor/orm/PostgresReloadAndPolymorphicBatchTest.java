package org.athanor.orm;

class PostgresReloadAndPolymorphicBatchTest extends ReloadAndPolymorphicBatchTestBase {
    @Override protected TestDb openDatabase() { return TestDb.postgres(); }
}
