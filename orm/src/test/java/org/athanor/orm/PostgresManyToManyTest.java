package org.athanor.orm;

class PostgresManyToManyTest extends ManyToManyTestBase {
    @Override protected TestDb openDatabase() { return TestDb.postgres(); }
}
