package org.athanor.orm.tutorial;

import org.athanor.orm.TestDb;

class SqliteQuickstartTest extends QuickstartTestBase {
    @Override protected TestDb openDatabase() { return TestDb.sqlite(); }
}
