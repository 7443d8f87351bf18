package org.athanor.orm;

class MariaDbSessionFlushTest extends SessionFlushTestBase {
    @Override protected TestDb openDatabase() { return TestDb.mariadb(); }
}
