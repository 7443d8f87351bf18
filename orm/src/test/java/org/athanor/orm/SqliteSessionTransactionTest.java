package org.athanor.orm;

class SqliteSessionTransactionTest extends SessionTransactionTestBase {
    @Override protected TestDb openDatabase() { return TestDb.sqlite(); }
}
