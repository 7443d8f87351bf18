package org.athanor.orm;

class PostgresTablePerClassSequenceTest extends TablePerClassSequenceTestBase {
    @Override protected TestDb openDatabase() { return TestDb.postgres(); }
}
