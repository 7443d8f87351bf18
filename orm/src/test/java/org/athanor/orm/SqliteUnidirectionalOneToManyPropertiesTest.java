package org.athanor.orm;

class SqliteUnidirectionalOneToManyPropertiesTest extends UnidirectionalOneToManyPropertiesBase {
    @Override protected TestDb openDatabase() { return TestDb.sqlite(); }
}
