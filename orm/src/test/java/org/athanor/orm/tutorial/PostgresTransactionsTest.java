package org.athanor.orm.tutorial;

import org.athanor.orm.TestDb;

class PostgresTransactionsTest extends TransactionsTestBase {
    @Override protected TestDb openDatabase() { return TestDb.postgres(); }
}
