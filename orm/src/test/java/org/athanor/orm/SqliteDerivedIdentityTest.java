package org.athanor.orm;

class SqliteDerivedIdentityTest extends DerivedIdentityTestBase {
    @Override protected TestDb openDatabase() { return TestDb.sqlite(); }
}
