package org.athanor.orm;

class SqliteManyToManyCompositeKeyTest extends ManyToManyCompositeKeyTestBase {
    @Override protected TestDb openDatabase() { return TestDb.sqlite(); }
}
