package org.athanor.orm;

class PostgresManyToManyAliasCacheTest extends ManyToManyAliasCacheTestBase {
    @Override protected TestDb openDatabase() { return TestDb.postgres(); }
}
