package org.athanor.orm;

class PostgresElementCollectionTest extends ElementCollectionTestBase {
    @Override protected TestDb openDatabase() { return TestDb.postgres(); }
}
