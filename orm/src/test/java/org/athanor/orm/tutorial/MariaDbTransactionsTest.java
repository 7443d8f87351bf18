package org.athanor.orm.tutorial;

import org.athanor.orm.TestDb;

class MariaDbTransactionsTest extends TransactionsTestBase {
    @Override protected TestDb openDatabase() { return TestDb.mariadb(); }
}
