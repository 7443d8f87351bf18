package org.athanor.orm;

class PostgresCompositeReferenceTest extends CompositeReferenceTestBase {
    @Override protected TestDb openDatabase() { return TestDb.postgres(); }
}
