package org.athanor.orm;

class MariaDbUnsettledRowsFlushTest extends UnsettledRowsFlushTestBase {
    @Override protected TestDb openDatabase() { return TestDb.mariadb(); }
}
