package org.athanor.orm;

class PostgresSessionTest extends SessionTestBase {
    @Override TestDb openDatabase() { return TestDb.postgres(); }
}
