package org.athanor.orm;

class PostgresTablePerClassInheritanceTest extends TablePerClassInheritanceTestBase {
    @Override protected TestDb openDatabase() { return TestDb.postgres(); }
}
