package org.athanor.orm;

class PostgresEmbeddedTest extends EmbeddedTestBase {
    @Override protected TestDb openDatabase() { return TestDb.postgres(); }
}
