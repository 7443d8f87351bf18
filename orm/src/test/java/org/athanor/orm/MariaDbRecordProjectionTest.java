package org.athanor.orm;

class MariaDbRecordProjectionTest extends RecordProjectionTestBase {
    @Override protected TestDb openDatabase() { return TestDb.mariadb(); }
}
