package org.athanor.orm;

class PostgresSessionFlushTest extends SessionFlushTestBase {
    @Override protected TestDb openDatabase() { return TestDb.postgres(); }
}
