package org.athanor.orm;

class MariaDbReloadAndPolymorphicBatchTest extends ReloadAndPolymorphicBatchTestBase {
    @Override protected TestDb openDatabase() { return TestDb.mariadb(); }
}
