package org.athanor.orm;

class SqliteRegistryScopeTest extends RegistryScopeTestBase {
    @Override protected TestDb openDatabase() { return TestDb.sqlite(); }
}
