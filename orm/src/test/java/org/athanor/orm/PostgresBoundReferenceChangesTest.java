package org.athanor.orm;

class PostgresBoundReferenceChangesTest extends BoundReferenceChangesTestBase {
    @Override protected TestDb openDatabase() { return TestDb.postgres(); }
}
