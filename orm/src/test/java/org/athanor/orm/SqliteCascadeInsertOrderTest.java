package org.athanor.orm;

class SqliteCascadeInsertOrderTest extends CascadeInsertOrderTestBase {
    @Override protected TestDb openDatabase() { return TestDb.sqlite(); }
}
