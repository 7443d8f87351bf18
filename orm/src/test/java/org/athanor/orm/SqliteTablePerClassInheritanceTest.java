package org.athanor.orm;

class SqliteTablePerClassInheritanceTest extends TablePerClassInheritanceTestBase {
    @Override protected TestDb openDatabase() { return TestDb.sqlite(); }
}
