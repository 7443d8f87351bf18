package org.athanor.orm;

class PostgresElementCollectionPropertiesTest extends ElementCollectionPropertiesBase {
    @Override protected TestDb openDatabase() { return TestDb.postgres(); }
}
