package org.athanor.orm;

class SqliteKeyBatchBoundaryTest extends KeyBatchBoundaryTestBase {
    @Override protected TestDb openDatabase() { return TestDb.sqlite(); }
}
