package org.athanor.orm;

class PostgresSingleTableInheritanceTest extends SingleTableInheritanceTestBase {
    @Override protected TestDb openDatabase() { return TestDb.postgres(); }
}
