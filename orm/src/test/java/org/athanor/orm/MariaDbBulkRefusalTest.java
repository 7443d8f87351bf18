package org.athanor.orm;

class MariaDbBulkRefusalTest extends BulkRefusalTestBase {
    @Override protected TestDb openDatabase() { return TestDb.mariadb(); }
}
