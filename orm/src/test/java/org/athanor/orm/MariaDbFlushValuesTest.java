package org.athanor.orm;

class MariaDbFlushValuesTest extends FlushValuesTestBase {
    @Override protected TestDb openDatabase() { return TestDb.mariadb(); }

    @Override boolean nulInText() { return true; }
}
