package org.athanor.orm;

class SqliteElementCollectionTest extends ElementCollectionTestBase {
    @Override protected TestDb openDatabase() { return TestDb.sqlite(); }
}
