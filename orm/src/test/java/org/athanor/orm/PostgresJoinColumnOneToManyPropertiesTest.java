package org.athanor.orm;

class PostgresJoinColumnOneToManyPropertiesTest extends JoinColumnOneToManyPropertiesBase {
    @Override protected TestDb openDatabase() { return TestDb.postgres(); }
}
