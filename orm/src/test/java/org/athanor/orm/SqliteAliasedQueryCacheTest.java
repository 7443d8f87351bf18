package org.athanor.orm;

class SqliteAliasedQueryCacheTest extends AliasedQueryCacheTestBase {
    @Override protected TestDb openDatabase() { return TestDb.sqlite(); }
}
