package org.athanor.orm;

class MariaDbPolymorphicLoadingTest extends PolymorphicLoadingTestBase {
    @Override protected TestDb openDatabase() { return TestDb.mariadb(); }
}
