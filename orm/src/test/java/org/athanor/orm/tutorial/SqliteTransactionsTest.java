package org.athanor.orm.tutorial;

import org.athanor.orm.TestDb;

class SqliteTransactionsTest extends TransactionsTestBase {
    @Override protected TestDb openDatabase() { return TestDb.sqlite(); }
}
