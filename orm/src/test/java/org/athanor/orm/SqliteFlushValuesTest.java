package org.athanor.orm;

class SqliteFlushValuesTest extends FlushValuesTestBase {
    @Override TestDb openDatabase() { return TestDb.sqlite(); }

    @Override boolean nulInText() { return false; }
}
