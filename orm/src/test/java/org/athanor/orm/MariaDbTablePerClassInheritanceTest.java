package org.athanor.orm;

class MariaDbTablePerClassInheritanceTest extends TablePerClassInheritanceTestBase {
    @Override protected TestDb openDatabase() { return TestDb.mariadb(); }
}
