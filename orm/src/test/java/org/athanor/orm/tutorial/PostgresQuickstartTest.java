package org.athanor.orm.tutorial;

import org.athanor.orm.TestDb;

class PostgresQuickstartTest extends QuickstartTestBase {
    @Override protected TestDb openDatabase() { return TestDb.postgres(); }
}
