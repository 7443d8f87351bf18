package org.athanor.orm;

class PostgresFlushValuesTest extends FlushValuesTestBase {
    @Override protected TestDb openDatabase() { return TestDb.postgres(); }

    @Override protected boolean nulInText() { return false; }
}
