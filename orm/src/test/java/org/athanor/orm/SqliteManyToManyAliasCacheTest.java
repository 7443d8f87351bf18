package org.athanor.orm;

class SqliteManyToManyAliasCacheTest extends ManyToManyAliasCacheTestBase {
    @Override protected TestDb openDatabase() { return TestDb.sqlite(); }
}
