package org.athanor.orm;

class PostgresLeanSessionTest extends LeanSessionTestBase {
    @Override protected TestDb openDatabase() { return TestDb.postgres(); }
}
