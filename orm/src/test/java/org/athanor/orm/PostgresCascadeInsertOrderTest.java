package org.athanor.orm;

class PostgresCascadeInsertOrderTest extends CascadeInsertOrderTestBase {
    @Override protected TestDb openDatabase() { return TestDb.postgres(); }
}
