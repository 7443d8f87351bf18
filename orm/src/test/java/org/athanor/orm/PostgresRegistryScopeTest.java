package org.athanor.orm;

class PostgresRegistryScopeTest extends RegistryScopeTestBase {
    @Override protected TestDb openDatabase() { return TestDb.postgres(); }
}
