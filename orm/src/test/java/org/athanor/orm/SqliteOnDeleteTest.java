package org.athanor.orm;

class SqliteOnDeleteTest extends OnDeleteTestBase {
    @Override protected TestDb openDatabase() { return TestDb.sqlite(); }
}
