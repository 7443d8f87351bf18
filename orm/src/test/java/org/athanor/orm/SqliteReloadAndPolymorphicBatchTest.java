package org.athanor.orm;

class SqliteReloadAndPolymorphicBatchTest extends ReloadAndPolymorphicBatchTestBase {
    @Override protected TestDb openDatabase() { return TestDb.sqlite(); }
}
