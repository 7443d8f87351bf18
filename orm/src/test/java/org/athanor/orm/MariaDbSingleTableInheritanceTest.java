package org.athanor.orm;

class MariaDbSingleTableInheritanceTest extends SingleTableInheritanceTestBase {
    @Override protected TestDb openDatabase() { return TestDb.mariadb(); }
}
