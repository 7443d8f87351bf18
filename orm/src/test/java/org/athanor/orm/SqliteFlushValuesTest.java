package org.athanor.orm;

class SqliteFlushValuesTest extends FlushValuesTestBase {
    @Override protected TestDb openDatabase() { return TestDb.sqlite(); }

    @Override protected boolean nulInText() { return false; }
}
