package org.athanor.orm;

class MariaDbFlushValuesTest extends FlushValuesTestBase {
    @Override protected TestDb openDatabase() { return TestDb.mariadb(); }

    @Override protected boolean nulInText() { return true; }
}
