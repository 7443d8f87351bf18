package org.athanor.orm;

class MariaDbKeyBatchBoundaryTest extends KeyBatchBoundaryTestBase {
    @Override protected TestDb openDatabase() { return TestDb.mariadb(); }
}
