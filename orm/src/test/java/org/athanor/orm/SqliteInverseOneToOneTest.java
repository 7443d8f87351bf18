package org.athanor.orm;

class SqliteInverseOneToOneTest extends InverseOneToOneTestBase {
    @Override protected TestDb openDatabase() { return TestDb.sqlite(); }
}
