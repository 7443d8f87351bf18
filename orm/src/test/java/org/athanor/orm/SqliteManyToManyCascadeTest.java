package org.athanor.orm;

class SqliteManyToManyCascadeTest extends ManyToManyCascadeTestBase {
    @Override protected TestDb openDatabase() { return TestDb.sqlite(); }
}
