package org.athanor.orm;

class SqliteLazyToOneTest extends LazyToOneTestBase {
    @Override protected TestDb openDatabase() { return TestDb.sqlite(); }
}
