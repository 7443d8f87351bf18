package org.athanor.orm;

class SqliteCrossTableCycleTest extends CrossTableCycleTestBase {
    @Override protected TestDb openDatabase() { return TestDb.sqlite(); }
}
