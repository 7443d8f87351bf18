package org.athanor.orm;

class SqliteUnidirectionalOneToManyTest extends UnidirectionalOneToManyTestBase {
    @Override protected TestDb openDatabase() { return TestDb.sqlite(); }
}
