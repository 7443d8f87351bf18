package org.athanor.orm;

class SqliteDiscriminatorTypesTest extends DiscriminatorTypesTestBase {
    @Override protected TestDb openDatabase() { return TestDb.sqlite(); }
}
