package org.athanor.orm;

class PostgresInverseOneToOneTest extends InverseOneToOneTestBase {
    @Override protected TestDb openDatabase() { return TestDb.postgres(); }
}
