package org.athanor.orm;

class MariaDbFlushValuesTest extends FlushValuesTestBase {
    @Override TestDb openDatabase() { return TestDb.mariadb(); }

    @Override boolean nulInText() { return true; }
}
