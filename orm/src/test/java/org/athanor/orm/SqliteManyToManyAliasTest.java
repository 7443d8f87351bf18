package org.athanor.orm;

class SqliteManyToManyAliasTest extends ManyToManyAliasTestBase {
    @Override protected TestDb openDatabase() { return TestDb.sqlite(); }
}
