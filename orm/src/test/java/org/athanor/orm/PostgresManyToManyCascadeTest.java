package org.athanor.orm;

class PostgresManyToManyCascadeTest extends ManyToManyCascadeTestBase {
    @Override protected TestDb openDatabase() { return TestDb.postgres(); }
}
