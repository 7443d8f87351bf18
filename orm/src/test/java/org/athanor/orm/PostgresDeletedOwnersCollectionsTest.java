package org.athanor.orm;

class PostgresDeletedOwnersCollectionsTest extends DeletedOwnersCollectionsTestBase {
    @Override protected TestDb openDatabase() { return TestDb.postgres(); }
}
