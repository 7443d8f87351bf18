package org.athanor.orm;

class PostgresReferenceDirtyCheckTest extends ReferenceDirtyCheckTestBase {
    @Override protected TestDb openDatabase() { return TestDb.postgres(); }
}
