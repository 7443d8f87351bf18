package org.athanor.orm;

class PostgresManyToManyCompositeKeyTest extends ManyToManyCompositeKeyTestBase {
    @Override protected TestDb openDatabase() { return TestDb.postgres(); }
}
