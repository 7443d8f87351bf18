package org.athanor.orm;

class PostgresCrossTableCycleTest extends CrossTableCycleTestBase {
    @Override protected TestDb openDatabase() { return TestDb.postgres(); }
}
