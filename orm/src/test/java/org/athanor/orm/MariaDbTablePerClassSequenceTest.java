package org.athanor.orm;

class MariaDbTablePerClassSequenceTest extends TablePerClassSequenceTestBase {
    @Override protected TestDb openDatabase() { return TestDb.mariadb(); }
}
