package org.athanor.orm;

class PostgresManyToManyPropertiesTest extends ManyToManyPropertiesBase {
    @Override protected TestDb openDatabase() { return TestDb.postgres(); }
}
