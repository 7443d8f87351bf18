package org.athanor.orm;

class MariaDbSessionTransactionTest extends SessionTransactionTestBase {
    @Override protected TestDb openDatabase() { return TestDb.mariadb(); }
}
