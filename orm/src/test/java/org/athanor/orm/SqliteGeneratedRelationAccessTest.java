package org.athanor.orm;

class SqliteGeneratedRelationAccessTest extends GeneratedRelationAccessTestBase {
    @Override protected TestDb openDatabase() { return TestDb.sqlite(); }
}
