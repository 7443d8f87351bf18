package org.athanor.orm;

class PostgresPolymorphicLoadingTest extends PolymorphicLoadingTestBase {
    @Override protected TestDb openDatabase() { return TestDb.postgres(); }
}
