package org.athanor.orm;

class MariaDbRegistryScopeTest extends RegistryScopeTestBase {
    @Override protected TestDb openDatabase() { return TestDb.mariadb(); }
}
