package org.athanor.orm;

class SqliteManyToManyPropertiesTest extends ManyToManyPropertiesBase {
    @Override protected TestDb openDatabase() { return TestDb.sqlite(); }
}
