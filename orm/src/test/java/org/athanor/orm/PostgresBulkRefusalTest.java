package org.athanor.orm;

class PostgresBulkRefusalTest extends BulkRefusalTestBase {
    @Override protected TestDb openDatabase() { return TestDb.postgres(); }
}
