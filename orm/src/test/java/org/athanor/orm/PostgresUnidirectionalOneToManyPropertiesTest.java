package org.athanor.orm;

class PostgresUnidirectionalOneToManyPropertiesTest extends UnidirectionalOneToManyPropertiesBase {
    @Override protected TestDb openDatabase() { return TestDb.postgres(); }
}
