package org.athanor.orm;

class PostgresDiscriminatorTypesTest extends DiscriminatorTypesTestBase {
    @Override protected TestDb openDatabase() { return TestDb.postgres(); }
}
