package org.athanor.orm;

class SqliteKeyBatchTypesTest extends KeyBatchTypesTestBase {
    @Override protected TestDb openDatabase() { return TestDb.sqlite(); }
}
