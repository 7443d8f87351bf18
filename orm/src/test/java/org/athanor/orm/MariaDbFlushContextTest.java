package org.athanor.orm;

class MariaDbFlushContextTest extends FlushContextTestBase {
    @Override protected TestDb openDatabase() { return TestDb.mariadb(); }
}
