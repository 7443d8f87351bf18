package org.athanor.orm;

class PostgresManyToManyAliasTest extends ManyToManyAliasTestBase {
    @Override protected TestDb openDatabase() { return TestDb.postgres(); }
}
