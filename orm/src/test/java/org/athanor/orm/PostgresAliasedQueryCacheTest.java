package org.athanor.orm;

class PostgresAliasedQueryCacheTest extends AliasedQueryCacheTestBase {
    @Override protected TestDb openDatabase() { return TestDb.postgres(); }
}
