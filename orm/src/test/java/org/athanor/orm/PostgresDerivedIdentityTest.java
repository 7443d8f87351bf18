package org.athanor.orm;

class PostgresDerivedIdentityTest extends DerivedIdentityTestBase {
    @Override protected TestDb openDatabase() { return TestDb.postgres(); }
}
