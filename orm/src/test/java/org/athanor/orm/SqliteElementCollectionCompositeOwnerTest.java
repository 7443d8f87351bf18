package org.athanor.orm;

class SqliteElementCollectionCompositeOwnerTest extends ElementCollectionCompositeOwnerTestBase {
    @Override protected TestDb openDatabase() { return TestDb.sqlite(); }
}
