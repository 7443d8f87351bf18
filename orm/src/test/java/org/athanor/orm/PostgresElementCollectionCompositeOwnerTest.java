package org.athanor.orm;

class PostgresElementCollectionCompositeOwnerTest extends ElementCollectionCompositeOwnerTestBase {
    @Override protected TestDb openDatabase() { return TestDb.postgres(); }
}
