package org.athanor.orm;

class SqliteElementCollectionPropertiesTest extends ElementCollectionPropertiesBase {
    @Override protected TestDb openDatabase() { return TestDb.sqlite(); }
}
