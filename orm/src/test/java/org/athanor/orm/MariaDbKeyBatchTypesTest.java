package org.athanor.orm;

class MariaDbKeyBatchTypesTest extends KeyBatchTypesTestBase {
    @Override protected TestDb openDatabase() { return TestDb.mariadb(); }
}
