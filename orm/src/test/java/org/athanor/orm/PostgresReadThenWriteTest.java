package org.athanor.orm;

class PostgresReadThenWriteTest extends ReadThenWriteTestBase {
    @Override protected TestDb openDatabase() { return TestDb.postgres(); }
}
