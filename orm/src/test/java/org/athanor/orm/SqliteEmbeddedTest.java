package org.athanor.orm;

class SqliteEmbeddedTest extends EmbeddedTestBase {
    @Override protected TestDb openDatabase() { return TestDb.sqlite(); }
}
