package org.athanor.orm;

class SqliteSingleTableInheritanceTest extends SingleTableInheritanceTestBase {
    @Override protected TestDb openDatabase() { return TestDb.sqlite(); }
}
