package org.athanor.orm;

class SqliteManyToManyTest extends ManyToManyTestBase {
    @Override protected TestDb openDatabase() { return TestDb.sqlite(); }
}
