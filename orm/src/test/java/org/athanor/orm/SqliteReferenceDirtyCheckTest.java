package org.athanor.orm;

class SqliteReferenceDirtyCheckTest extends ReferenceDirtyCheckTestBase {
    @Override protected TestDb openDatabase() { return TestDb.sqlite(); }
}
