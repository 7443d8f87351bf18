package org.athanor.orm;

class SqliteSessionFlushTest extends SessionFlushTestBase {
    @Override protected TestDb openDatabase() { return TestDb.sqlite(); }
}
