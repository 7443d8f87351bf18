package org.athanor.orm;

class SqliteJoinColumnOneToManyPropertiesTest extends JoinColumnOneToManyPropertiesBase {
    @Override protected TestDb openDatabase() { return TestDb.sqlite(); }
}
