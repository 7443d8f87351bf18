package org.athanor.orm;

class PostgresMovedChildCollectionsTest extends MovedChildCollectionsTestBase {
    @Override protected TestDb openDatabase() { return TestDb.postgres(); }
}
