package org.athanor.orm;

class SqliteCompositeReferenceTest extends CompositeReferenceTestBase {
    @Override protected TestDb openDatabase() { return TestDb.sqlite(); }
}
