package org.athanor.orm;

class MariaDbDerivedIdentityTest extends DerivedIdentityTestBase {
    @Override protected TestDb openDatabase() { return TestDb.mariadb(); }
}
