package org.athanor.orm;

class MariaDbAliasedQueryCacheTest extends AliasedQueryCacheTestBase {
    @Override protected TestDb openDatabase() { return TestDb.mariadb(); }
}
