package org.athanor.orm;

class SqlitePolymorphicLoadingTest extends PolymorphicLoadingTestBase {
    @Override protected TestDb openDatabase() { return TestDb.sqlite(); }
}
