package org.athanor.orm;

class SqliteBulkRefusalTest extends BulkRefusalTestBase {
    @Override protected TestDb openDatabase() { return TestDb.sqlite(); }
}
