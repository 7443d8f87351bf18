package org.athanor.orm;

class MariaDbCascadeInsertOrderTest extends CascadeInsertOrderTestBase {
    @Override protected TestDb openDatabase() { return TestDb.mariadb(); }
}
