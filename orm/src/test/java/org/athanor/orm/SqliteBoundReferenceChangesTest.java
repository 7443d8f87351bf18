package org.athanor.orm;

class SqliteBoundReferenceChangesTest extends BoundReferenceChangesTestBase {
    @Override protected TestDb openDatabase() { return TestDb.sqlite(); }
}
