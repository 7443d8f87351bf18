package org.athanor.orm;

class MariaDbReattachedKeyBatchTest extends ReattachedKeyBatchTestBase {
    @Override protected TestDb openDatabase() { return TestDb.mariadb(); }
}
